-- A person's secret calendar address (one at most; a new one replaces it, revoking deletes it).
-- Only a hash of the secret is kept, as for API tokens.
create table calendar_feed (
    person_id   bigint      primary key references person (id),
    secret_hash text        not null unique,
    created_at  timestamptz not null
);
