-- Webhooks: other systems told what happened, signed per the Standard Webhooks specification.
create table webhook_endpoint (
    id                  bigint generated always as identity primary key,
    url                 text        not null check (length(url) between 8 and 2000),
    description         text        not null default '' check (length(description) <= 500),
    events              text[]      not null,
    -- whether deliveries about confidential decisions and restricted requests may go here
    confidential        boolean     not null default false,
    -- the signing secret must be read to sign (an HMAC key cannot be kept as a hash); it is shown
    -- once, never again through the pages or the API
    secret              text        not null,
    -- after a rotation the old secret also signs, until previous_secret_until
    previous_secret       text,
    previous_secret_until timestamptz,
    created_at          timestamptz not null,
    created_by          bigint      not null references account (id),
    disabled_at         timestamptz,
    disabled_reason     text
);

-- One message to one endpoint: its id (webhook-id) and body are fixed when it is written, so a
-- retry or a redelivery sends the same message.
create table webhook_delivery (
    id              bigint generated always as identity primary key,
    endpoint_id     bigint      not null references webhook_endpoint (id) on delete cascade,
    message_id      text        not null unique,
    event_type      text        not null,
    payload         text        not null,
    created_at      timestamptz not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    -- retried with back-off until then (about three days); a redelivery starts the time again
    retry_until     timestamptz not null,
    delivered_at    timestamptz,
    failed_at       timestamptz,
    last_status     int,
    last_error      text
);
-- the sender's query, endpoint by endpoint: due, neither delivered nor given up
create index webhook_delivery_due_idx on webhook_delivery (endpoint_id, next_attempt_at, id)
    where delivered_at is null and failed_at is null;
-- the delivery log of one endpoint, newest first
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, id desc);

-- every attempt: when, the answer's status (or the error), how long it took
create table webhook_attempt (
    id          bigint generated always as identity primary key,
    delivery_id bigint      not null references webhook_delivery (id) on delete cascade,
    at          timestamptz not null,
    status      int,
    error       text,
    millis      int         not null
);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, id desc);

-- How far the webhooks have followed the decision record: the record is append-only and ordered
-- by seq, so it is its own outbox; one row, locked by the server that moves it.
create table webhook_decision_cursor (
    id       int    primary key check (id = 1),
    last_seq bigint not null
);
insert into webhook_decision_cursor (id, last_seq) select 1, coalesce(max(seq), 0) from decision;
