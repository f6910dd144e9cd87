-- Roles people choose: circles (a team or a cross-team programme) with roles; who holds each role
-- and its history (every hand-over is a baton pass); open roles and the applications to them,
-- each with a conversation between the circle's lead and the applicant; and what people say
-- about their own capacity and interests.

create table circle (
    id             bigint generated always as identity primary key,
    name           text        not null check (length(name) between 1 and 200),
    purpose        text        not null default '' check (length(purpose) <= 4000),
    team_id        bigint      references team (id),
    lead_person_id bigint      not null references person (id),
    created_at     timestamptz not null
);
create unique index circle_name_idx on circle (lower(name));

create table circle_role (
    id               bigint generated always as identity primary key,
    circle_id        bigint        not null references circle (id),
    name             text          not null check (length(name) between 1 and 200),
    purpose          text          not null default '' check (length(purpose) <= 4000),
    accountabilities text          not null default '' check (length(accountabilities) <= 4000),
    decision_types   text[]        not null default '{}',
    perspectives     text[]        not null default '{}', -- the knowledge the role draws on
    hours_per_week   numeric(4, 1) not null check (hours_per_week > 0 and hours_per_week <= 168),
    seats            int           not null check (seats between 1 and 100),
    term_until       date,
    open             boolean       not null default false,
    why_it_matters   text          not null default '' check (length(why_it_matters) <= 4000),
    what_you_learn   text          not null default '' check (length(what_you_learn) <= 4000),
    created_at       timestamptz   not null
);
create unique index circle_role_name_idx on circle_role (circle_id, lower(name));
create index circle_role_open_idx on circle_role (created_at desc) where open;

-- One row per person holding a seat; ending it keeps the row.
create table role_holding (
    id             bigint generated always as identity primary key,
    role_id        bigint        not null references circle_role (id),
    person_id      bigint        not null references person (id),
    hours_per_week numeric(4, 1) not null check (hours_per_week > 0 and hours_per_week <= 168),
    until          date,
    commitment     text          not null default '' check (length(commitment) <= 4000),
    application_id bigint,
    started_at     timestamptz   not null,
    ended_at       timestamptz
);
create unique index role_holding_current_idx on role_holding (role_id, person_id)
    where ended_at is null;
create index role_holding_person_idx on role_holding (person_id) where ended_at is null;

-- The role's history: created, opened, closed, handed to, left; who did it and why.
create table role_event (
    id              bigint generated always as identity primary key,
    role_id         bigint      not null references circle_role (id),
    kind            text        not null check (kind in
                        ('CREATED', 'CHANGED', 'OPENED', 'CLOSED', 'HANDED', 'LEFT')),
    person_id       bigint      references person (id), -- who received or left the role
    from_person_id  bigint      references person (id), -- in a hand-over, who passed it on
    by_person_id    bigint      references person (id),
    note            text        not null default '',
    at              timestamptz not null
);
create index role_event_role_idx on role_event (role_id, at desc);

create table role_application (
    id                   bigint generated always as identity primary key,
    role_id              bigint        not null references circle_role (id),
    person_id            bigint        not null references person (id),
    passion              text          not null check (length(passion) between 1 and 4000),
    perspectives         text[]        not null default '{}',
    knowledge            text          not null default '' check (length(knowledge) <= 4000),
    network_people       bigint[]      not null default '{}',
    network_teams        bigint[]      not null default '{}',
    hours_per_week       numeric(4, 1) not null check (hours_per_week > 0 and hours_per_week <= 168),
    until                date,
    state                text          not null default 'APPLIED'
                             check (state in ('APPLIED', 'MATCHED', 'DECLINED', 'WITHDRAWN')),
    -- the applicant's team leader when they applied: asked to confirm the time
    team_leader_id       bigint        references person (id),
    time_answer          text          check (time_answer in ('CONFIRMED', 'ADJUSTED', 'DISCUSS')),
    time_hours           numeric(4, 1),
    time_note            text          not null default '',
    time_answered_at     timestamptz,
    -- a match as proposed by one side and agreed by the other
    match_hours          numeric(4, 1),
    match_until          date,
    match_commitment     text          not null default '',
    match_proposed_by    bigint        references person (id),
    decline_reason       text          not null default '',
    applied_at           timestamptz   not null,
    closed_at            timestamptz
);
create unique index role_application_live_idx on role_application (role_id, person_id)
    where state in ('APPLIED', 'MATCHED');
create index role_application_role_idx on role_application (role_id, applied_at);
create index role_application_person_idx on role_application (person_id, applied_at desc);
create index role_application_leader_idx on role_application (team_leader_id)
    where state = 'APPLIED';

create table role_application_message (
    id               bigint generated always as identity primary key,
    application_id   bigint      not null references role_application (id),
    author_person_id bigint      not null references person (id),
    body             text        not null check (length(body) between 1 and 4000),
    at               timestamptz not null
);
create index role_application_message_idx on role_application_message (application_id, at);

-- What a person says about themselves: open to roles, interests, and hours they can give.
create table role_profile (
    person_id       bigint        primary key references person (id),
    open_to_roles   boolean       not null default false,
    interests       text[]        not null default '{}',
    hours_available numeric(4, 1) check (hours_available >= 0 and hours_available <= 168),
    updated_at      timestamptz   not null
);
create index role_profile_open_idx on role_profile (person_id) where open_to_roles;
