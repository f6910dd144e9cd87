-- Single-use links by e-mail: an invitation to set a first password, or a password reset. Only
-- the SHA-256 of the link's token is kept (the token is 256 random bits, so a fast hash is safe).
create table sign_in_link (
    id          bigint generated always as identity primary key,
    person_id   bigint      not null references person (id),
    purpose     text        not null check (purpose in ('INVITATION', 'PASSWORD_RESET')),
    token_hash  text        not null unique,
    created_at  timestamptz not null,
    created_by  text        not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
-- a person's links, newest first (the admins' list, revoking earlier ones, counting recent resets)
create index sign_in_link_person_idx on sign_in_link (person_id, created_at desc);

-- who has signed in, for the admins' list of invitations
alter table account add column last_signed_in_at timestamptz;
