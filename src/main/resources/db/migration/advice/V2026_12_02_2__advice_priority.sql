-- An advice request may name the current priority it serves; a priority's page lists them.
alter table advice_request add column priority_id bigint;
create index advice_request_by_priority on advice_request (priority_id, created_at desc)
    where priority_id is not null;
