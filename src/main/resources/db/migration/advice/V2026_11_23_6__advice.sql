-- Advice: requests put to a panel of specialists, and the advice they give (every revision kept).

create table advice_request (
    id              bigint generated always as identity primary key,
    initiative_id   bigint      references initiative (id),
    asker_person_id bigint      not null references person (id),
    question        text        not null check (length(question) between 1 and 10000),
    context         text        not null default '' check (length(context) <= 10000),
    deadline        timestamptz not null,
    perspectives    text[]      not null default '{}',
    restricted      boolean     not null default false,
    decision_type   text,
    amount          numeric(15, 2),
    currency        text,
    status          text        not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    closing_note    text        not null default '',
    decision_id     bigint,
    created_at      timestamptz not null default now(),
    first_advice_at timestamptz,
    closed_at       timestamptz
);
create index advice_request_asker_idx on advice_request (asker_person_id, created_at desc);
create index advice_request_initiative_idx on advice_request (initiative_id) where initiative_id is not null;
create index advice_request_open_idx on advice_request (deadline) where status = 'OPEN';

create table advice_panel_member (
    request_id  bigint not null references advice_request (id),
    person_id   bigint not null references person (id),
    perspective text,
    reason      text   not null default '',
    primary key (request_id, person_id)
);
create index advice_panel_member_person_idx on advice_panel_member (person_id);

create table advice (
    id                bigint generated always as identity primary key,
    request_id        bigint      not null references advice_request (id),
    adviser_person_id bigint      not null references person (id),
    stance            text        not null check (stance in
                          ('SUPPORT', 'SUPPORT_WITH_CONDITIONS', 'CONCERN', 'OBJECTION', 'NO_OPINION')),
    reasons           text        not null check (length(reasons) between 1 and 10000),
    conditions        text        not null default '',
    volunteered       boolean     not null,
    revision          int         not null,
    created_at        timestamptz not null default now(),
    unique (request_id, adviser_person_id, revision)
);
create index advice_request_idx on advice (request_id, adviser_person_id, revision desc);
