-- A person's track record reads the requests they sent over a period.
create index authority_request_requester_time_idx on authority_request (requester_person_id, created_at);
drop index authority_request_requester_idx;
