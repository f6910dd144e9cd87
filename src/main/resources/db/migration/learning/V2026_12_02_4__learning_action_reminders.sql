-- An open action of a published review reminds its owner once, the day before it is due (or on
-- the day, for one made due so soon); the reminder is not repeated.
alter table learning_action add column reminded_at timestamptz;
create index learning_action_reminder_idx on learning_action (due_on)
    where done_at is null and reminded_at is null;
