-- Every e-mail Baton sends, written in the transaction of the action that caused it, so that an
-- action reported done has its e-mail on the way even if Baton stops right after. A background
-- sender delivers it over SMTP when SMTP is configured; without SMTP it stays here and admins read
-- it at /admin/mail.
create table mail_outbox (
    id              bigint generated always as identity primary key,
    -- the Message-ID header: a resend after a crash carries the same one, so it can be recognised
    message_id      text        not null unique,
    recipient       text        not null check (length(recipient) between 3 and 320),
    subject         text        not null check (length(subject) between 1 and 200),
    body            text        not null check (length(body) <= 20000),
    created_at      timestamptz not null,
    attempts        int         not null default 0,
    -- when the sender may try next: claiming a message moves it ahead (a lease); failures back off
    next_attempt_at timestamptz not null,
    sent_at         timestamptz,
    failed_at       timestamptz,
    last_error      text
);
-- the sender's query: the due, unsent messages, oldest first
create index mail_outbox_due_idx on mail_outbox (next_attempt_at, id)
    where sent_at is null and failed_at is null;
-- the admin's list, newest first
create index mail_outbox_created_idx on mail_outbox (created_at desc, id desc);
