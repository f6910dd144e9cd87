-- The directory: people, teams (a tree) and perspectives (areas of expertise).

-- Trigram indexes make "contains" search on names, titles and perspectives fast.
create extension if not exists pg_trgm;

create table team (
    id         bigint generated always as identity primary key,
    name       text        not null check (length(name) between 1 and 200),
    parent_id  bigint      references team (id),
    leader_id  bigint,
    active     boolean     not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (parent_id is null or parent_id <> id)
);
create unique index team_name_uk on team (lower(name));
create index team_parent_idx on team (parent_id);

create table person (
    id          bigint generated always as identity primary key,
    email       text        not null check (email = lower(email)),
    name        text        not null check (length(name) between 1 and 200),
    title       text        not null default '',
    team_id     bigint      references team (id),
    location    text        not null default '',
    phone       text        not null default '',
    active      boolean     not null default true,
    -- lower-case name, title and perspectives, kept by the application on every write
    search_text text        not null default '',
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create unique index person_email_uk on person (email);
create index person_team_idx on person (team_id) where active;
create index person_name_idx on person (lower(name), id) where active;
create index person_search_trgm_idx on person using gin (search_text gin_trgm_ops);

alter table team add constraint team_leader_fk foreign key (leader_id) references person (id);
create index team_leader_idx on team (leader_id);

create table perspective (
    id   bigint generated always as identity primary key,
    code text not null unique check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name text not null
);

create table person_perspective (
    person_id      bigint not null references person (id),
    perspective_id bigint not null references perspective (id),
    primary key (person_id, perspective_id)
);
create index person_perspective_perspective_idx on person_perspective (perspective_id);
