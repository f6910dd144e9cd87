-- Growing into authority: track records followed from the decision record, and suggestions to
-- raise a limit.

-- Each person's decisions per decision type and day, as the decision record says: followed entry by
-- entry (growth_cursor), so that a record is read without rescanning the decisions behind it.
create table growth_record (
    person_id       bigint           not null references person (id),
    decision_type   text             not null,
    day             date             not null,
    -- decisions (and supersessions) made within the person's own authority
    decisions       int              not null default 0,
    -- of them, with an amount above the policy's near-limit share of the limit they rested on
    near_limit      int              not null default 0,
    -- of them, those with an amount and a limit, and the sum of amount / limit: the average share
    limited         int              not null default 0,
    limit_share_sum double precision not null default 0,
    -- of the decisions made that day, how many were later reversed or superseded
    reversed        int              not null default 0,
    superseded      int              not null default 0,
    primary key (person_id, decision_type, day)
);

-- How far the record has been followed, and the near-limit share the counts were made with (a
-- tuned policy rebuilds them).
create table growth_cursor (
    id         int     primary key check (id = 1),
    last_seq   bigint  not null,
    near_limit numeric not null
);
insert into growth_cursor (id, last_seq, near_limit) values (1, 0, 0.6);

create table growth_suggestion (
    id                    bigint generated always as identity primary key,
    person_id             bigint         not null references person (id),
    decision_type         text           not null,
    rule_id               bigint         not null,
    rule_version          int            not null,
    owner_person_id       bigint         not null references person (id),
    current_limit         numeric(15, 2) not null,
    proposed_limit        numeric(15, 2) not null,
    currency              text           not null,
    record                text           not null,
    status                text           not null default 'OPEN'
                                         check (status in ('OPEN', 'DEFERRED', 'APPROVED', 'DECLINED')),
    created_at            timestamptz    not null,
    deferred_until        date,
    answered_at           timestamptz,
    answered_by_person_id bigint         references person (id),
    answer                text           not null default '' check (length(answer) <= 2000),
    raised_rule_id        bigint,
    raised_limit          numeric(15, 2),
    check ((status = 'DEFERRED') = (deferred_until is not null)),
    check (person_id <> owner_person_id)
);
-- at most one suggestion waiting for an answer per person and decision type
create unique index growth_suggestion_live_idx on growth_suggestion (person_id, decision_type)
    where status in ('OPEN', 'DEFERRED');
create index growth_suggestion_owner_idx on growth_suggestion (owner_person_id, status);
create index growth_suggestion_person_idx on growth_suggestion (person_id, decision_type, created_at desc);
