-- People an identity provider has deleted through SCIM. Baton keeps them (deactivated, their
-- history intact), but SCIM must not show a deleted user again; a later create with the same
-- userName brings the person back and removes the row.
create table scim_deprovisioned_user (
    person_id bigint primary key references person (id),
    deleted_at timestamptz not null default now()
);
