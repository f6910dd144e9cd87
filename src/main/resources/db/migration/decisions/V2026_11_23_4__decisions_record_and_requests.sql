-- The decision record: who decided what, on which authority, with which advice. Append-only
-- and hash-chained: each entry's hash covers its canonical content and the previous hash.

create table decision (
    id                     bigint generated always as identity primary key,
    seq                    bigint      not null unique,
    kind                   text        not null check (kind in ('DECISION', 'REVERSAL', 'SUPERSESSION')),
    refers_to              bigint      references decision (id),
    decided_at             timestamptz not null,
    decider_person_id      bigint      not null references person (id),
    requested_by_person_id bigint      references person (id),
    decision_type          text        not null references decision_type (code),
    title                  text        not null check (length(title) between 1 and 200),
    reason                 text        not null check (length(reason) between 1 and 2000),
    amount                 numeric(15, 2),
    currency               text,
    context                text        not null default '{}', -- canonical JSON, as hashed
    affected_team_ids      bigint[]    not null default '{}',
    follow_up_on           date,
    verdict                text        not null,
    rule_id                bigint,
    rule_version           int,
    delegation_id          bigint,
    authority              text        not null,
    advice_considered      text        not null default '',
    confidential           boolean     not null,
    visible_to             bigint[]    not null default '{}',
    prev_hash              text        not null,
    hash                   text        not null unique,
    check ((kind = 'DECISION') = (refers_to is null))
);
create index decision_decider_idx on decision (decider_person_id, decided_at desc);
create index decision_requester_idx on decision (requested_by_person_id) where requested_by_person_id is not null;
create index decision_time_idx on decision (decided_at desc);
create index decision_type_idx on decision (decision_type text_pattern_ops);
-- one follow-up (reversal or supersession) per decision, even when two people try at once
create unique index decision_refers_idx on decision (refers_to) where refers_to is not null;
create index decision_visible_idx on decision using gin (visible_to) where confidential;

-- The chain's head: locking this one row orders concurrent appends into one line.
create table decision_chain_head (
    id   int    primary key check (id = 1),
    seq  bigint not null,
    hash text   not null
);
insert into decision_chain_head (id, seq, hash) values (1, 0, repeat('0', 64));

create function decision_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'The decision record is append-only: reverse or supersede a decision instead'
        using errcode = 'restrict_violation';
end;
$$;
create trigger decision_no_update before update or delete on decision
    for each row execute function decision_is_append_only();
create trigger decision_no_truncate before truncate on decision
    for each statement execute function decision_is_append_only();

-- Asking someone who holds the authority to decide.
create table authority_request (
    id                  bigint generated always as identity primary key,
    requester_person_id bigint      not null references person (id),
    holder_person_id    bigint      not null references person (id),
    decision_type       text        not null references decision_type (code),
    title               text        not null check (length(title) between 1 and 200),
    reason              text        not null check (length(reason) between 1 and 2000),
    amount              numeric(15, 2),
    currency            text,
    context             text        not null default '{}',
    status              text        not null default 'OPEN'
                                    check (status in ('OPEN', 'APPROVED', 'DECLINED')),
    answer              text        not null default '',
    created_at          timestamptz not null default now(),
    answered_at         timestamptz,
    decision_id         bigint      references decision (id),
    check (requester_person_id <> holder_person_id)
);
create index authority_request_holder_idx on authority_request (holder_person_id, status);
create index authority_request_requester_idx on authority_request (requester_person_id);
