-- Sign-in accounts and personal API tokens. A person signs in with their e-mail; operator
-- accounts such as the bootstrap "admin" have a username and no person.

create table account (
    id            bigint generated always as identity primary key,
    person_id     bigint unique references person (id),
    username      text unique check (username = lower(username)),
    password_hash text,
    role          text        not null check (role in ('MEMBER', 'ADMIN')),
    created_at    timestamptz not null default now(),
    check (person_id is not null or username is not null)
);

create table api_token (
    id           bigint generated always as identity primary key,
    account_id   bigint      not null references account (id),
    name         text        not null check (length(name) between 1 and 100),
    -- SHA-256 of the token: tokens are 256 random bits, so a fast hash is safe and lookups stay fast
    token_hash   text        not null unique,
    prefix       text        not null,
    -- what an integration token may do beyond its owner's own rights, e.g. authority:check-others
    permissions  text[]      not null default '{}',
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_account_idx on api_token (account_id);
