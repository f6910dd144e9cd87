-- One cursor per follower of the decision record (growth, insights, webhooks): the seq of the last
-- entry it has handled, moved in the same transaction as what it keeps, and row-locked while it
-- follows, so that one server at a time follows with it. Each follower's own migration carries its
-- old cursor over.
create table decision_record_cursor (
    follower text primary key,
    last_seq bigint not null check (last_seq >= 0)
);
