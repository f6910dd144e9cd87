-- The notification centre: what each person should know about, read or not.
create table notification (
    id         bigint generated always as identity primary key,
    person_id  bigint      not null references person (id),
    text       text        not null,
    link       text        not null,
    created_at timestamptz not null default now(),
    read_at    timestamptz
);
create index notification_person_idx on notification (person_id, id desc);
create index notification_unread_idx on notification (person_id) where read_at is null;
