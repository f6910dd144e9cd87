-- Decision authority: the catalogue of decision types, authority rules with every version kept,
-- delegations, and a log of checks (for previewing rule changes against real questions).

create table decision_type (
    code           text primary key check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$'),
    name           text        not null check (length(name) between 1 and 200),
    description    text        not null default '',
    carries_amount boolean     not null default true,
    confidential   boolean     not null default false,
    created_at     timestamptz not null default now()
);

create table authority_rule (
    id              bigint generated always as identity primary key,
    current_version int         not null default 1,
    created_at      timestamptz not null default now()
);

-- Every change to a rule is a new row; old versions stay readable.
create table authority_rule_version (
    rule_id             bigint      not null references authority_rule (id),
    version             int         not null,
    decision_type       text        not null references decision_type (code),
    holder_kind         text        not null check (holder_kind in
                            ('PERSON', 'TEAM', 'TEAM_AND_SUBTEAMS', 'TEAM_LEADER', 'EVERYONE')),
    holder_person_id    bigint      references person (id),
    holder_team_id      bigint      references team (id),
    limit_amount        numeric(15, 2) check (limit_amount >= 0),
    currency            text        check (currency ~ '^[A-Z]{3}$'),
    advice_threshold    numeric(15, 2),
    advice_perspectives text[]      not null default '{}',
    conditions          text[]      not null default '{}',
    valid_from          date,
    valid_until         date,
    owner_person_id     bigint      references person (id),
    retired             boolean     not null default false,
    changed_by          text        not null,
    changed_at          timestamptz not null default now(),
    change_reason       text        not null,
    primary key (rule_id, version),
    check ((limit_amount is null) = (currency is null))
);
create index authority_rule_version_type_idx on authority_rule_version (decision_type);

create table delegation (
    id              bigint generated always as identity primary key,
    from_person_id  bigint         not null references person (id),
    to_person_id    bigint         not null references person (id),
    decision_type   text           not null references decision_type (code),
    limit_amount    numeric(15, 2) not null check (limit_amount >= 0),
    currency        text           not null check (currency ~ '^[A-Z]{3}$'),
    valid_from      timestamptz    not null,
    valid_until     timestamptz    not null,
    reason          text           not null default '',
    created_at      timestamptz    not null default now(),
    revoked_at      timestamptz,
    check (from_person_id <> to_person_id),
    check (valid_until > valid_from)
);
create index delegation_to_idx on delegation (to_person_id) where revoked_at is null;
create index delegation_from_idx on delegation (from_person_id);

create table authority_check_log (
    id            bigint generated always as identity primary key,
    person_id     bigint      not null,
    decision_type text        not null,
    amount        numeric(15, 2),
    currency      text,
    context       jsonb       not null default '{}',
    verdict       text        not null,
    checked_at    timestamptz not null
);
create index authority_check_log_time_idx on authority_check_log (checked_at);
