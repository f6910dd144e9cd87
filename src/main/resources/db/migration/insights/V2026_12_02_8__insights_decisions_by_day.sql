-- Where decisions are made, kept per day, team and decision type as the decision record grows (a
-- follower with its own cursor), so that a page never counts all of history. A decision counts
-- for the team of whoever it came from: the decider's, or for one decided on request, the
-- requester's (team 0: in no team). Confidential decisions are not counted at all, so that no
-- count, however small its team, reveals one.
create table insights_decision_day (
    day           date   not null,
    team_id       bigint not null,
    decision_type text   not null,
    -- decided on one's own authority by someone who leads no team
    front_line    int    not null default 0,
    -- decided on one's own authority by someone who leads a team
    team_leaders  int    not null default 0,
    -- decided by a holder on someone's request
    via_holders   int    not null default 0,
    primary key (day, team_id, decision_type)
);
create index insights_decision_day_team_idx on insights_decision_day (team_id, day);

create table insights_cursor (
    id       int    primary key check (id = 1),
    last_seq bigint not null
);
insert into insights_cursor (id, last_seq) values (1, 0);
