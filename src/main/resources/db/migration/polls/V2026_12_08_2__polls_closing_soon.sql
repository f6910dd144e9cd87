-- When the people who have not voted were reminded that a poll closes soon: once per poll.
alter table poll add column reminded_at timestamptz;
create index poll_open_reminder_idx on poll (closes_at) where closed_at is null and reminded_at is null;
