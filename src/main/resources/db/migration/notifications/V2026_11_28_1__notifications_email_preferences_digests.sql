-- E-mail for notifications: each notification has a kind, by which a person chooses how it reaches
-- them (immediately by e-mail, in their digest, or only here in Baton); admins set the defaults.
alter table notification add column kind text not null default 'GENERAL';
-- waiting for the person's next digest e-mail; cleared when the digest is written
alter table notification add column digest_pending boolean not null default false;
create index notification_digest_pending_idx on notification (person_id, id) where digest_pending;

-- the admins' defaults, per kind; a kind without a row uses the default built into Baton
create table notification_default (
    kind     text primary key,
    delivery text not null check (delivery in ('IMMEDIATELY', 'DIGEST', 'OFF'))
);

-- a person's own choice, per kind; without a row the admins' default applies
create table notification_preference (
    person_id bigint not null references person (id),
    kind      text   not null,
    delivery  text   not null check (delivery in ('IMMEDIATELY', 'DIGEST', 'OFF')),
    primary key (person_id, kind)
);

-- how often a person gets their digest, and when they last got one
create table notification_digest (
    person_id      bigint primary key references person (id),
    frequency      text not null check (frequency in ('DAILY', 'WEEKLY', 'OFF')),
    last_digest_at timestamptz
);

-- the key that signs unsubscribe links (one row); made at the first start, never leaves the
-- database, so every server signs and checks alike
create table notification_signing_key (
    id  int primary key check (id = 1),
    key bytea not null
);
