-- A place on an open request's panel left by someone who was deactivated before advising, with
-- the replacement Baton proposes to the asker (null if it found none), until the asker fills it.
create table advice_panel_vacancy (
    request_id         bigint      not null references advice_request (id),
    left_person_id     bigint      not null references person (id),
    perspective        text,
    proposed_person_id bigint      references person (id),
    created_at         timestamptz not null default now(),
    filled_at          timestamptz,
    primary key (request_id, left_person_id)
);
