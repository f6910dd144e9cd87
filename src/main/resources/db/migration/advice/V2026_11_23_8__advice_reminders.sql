-- When the panel members who had not answered were last reminded of the deadline.
alter table advice_request add column reminded_at timestamptz;
