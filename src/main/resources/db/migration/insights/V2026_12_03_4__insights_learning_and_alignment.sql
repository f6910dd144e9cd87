-- Learning and alignment. Decisions whose decider was shown past learnings, and those where the
-- decider acknowledged one, counted beside where decisions are made.
alter table insights_decision_day add column with_learnings_shown        int not null default 0;
alter table insights_decision_day add column with_learnings_acknowledged int not null default 0;

-- Reversed decisions (not confidential), by the day of the reversal and the reverser's team: a
-- page asks the learning module which of them a published review is about.
create table insights_reversal (
    decision_id   bigint primary key,
    day           date   not null,
    team_id       bigint not null,
    decision_type text   not null
);
create index insights_reversal_day_idx on insights_reversal (day);

-- Work that names a priority: decisions (from the record, not confidential) and initiatives (as
-- they start), one row each, by day and the team of whoever decided or spotted it.
create table insights_priority_work (
    kind          text   not null check (kind in ('DECISION', 'INITIATIVE')),
    item_id       bigint not null,
    priority_id   bigint not null,
    day           date   not null,
    team_id       bigint not null,
    decision_type text   not null,
    primary key (kind, item_id)
);
create index insights_priority_work_day_idx on insights_priority_work (day);

-- What the follower keeps grew: count the record again from its first entry.
delete from insights_decision_day;
delete from insights_decider_month;
update insights_cursor set last_seq = 0 where id = 1;
