-- Initiatives: a problem or opportunity someone spotted and leads; supporters, the leadership
-- history (the baton passes) and a timeline of updates.

create table initiative (
    id                   bigint generated always as identity primary key,
    title                text        not null check (length(title) between 1 and 200),
    description          text        not null default '' check (length(description) <= 10000),
    location             text        not null default '' check (length(location) <= 200),
    decision_type        text,
    status               text        not null default 'OPEN' check (status in
                             ('OPEN', 'EXPLORING', 'DECIDED', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    outcome              text        not null default '',
    leader_person_id     bigint      not null references person (id),
    created_by_person_id bigint      not null references person (id),
    created_at           timestamptz not null default now(),
    last_activity_at     timestamptz not null default now()
);
create index initiative_leader_idx on initiative (leader_person_id);
create index initiative_status_idx on initiative (status, last_activity_at);

create table initiative_team (
    initiative_id bigint not null references initiative (id),
    team_id       bigint not null references team (id),
    primary key (initiative_id, team_id)
);
create index initiative_team_team_idx on initiative_team (team_id);

create table initiative_supporter (
    initiative_id bigint      not null references initiative (id),
    person_id     bigint      not null references person (id),
    joined_at     timestamptz not null default now(),
    primary key (initiative_id, person_id)
);
create index initiative_supporter_person_idx on initiative_supporter (person_id);

create table initiative_update (
    id               bigint generated always as identity primary key,
    initiative_id    bigint      not null references initiative (id),
    author_person_id bigint      not null references person (id),
    kind             text        not null check (kind in
                         ('STARTED', 'COMMENT', 'OFFER_OF_HELP', 'JOINED', 'STATUS', 'HANDOVER')),
    body             text        not null default '' check (length(body) <= 10000),
    new_leader_id    bigint      references person (id),
    created_at       timestamptz not null default now()
);
create index initiative_update_initiative_idx on initiative_update (initiative_id, id);
