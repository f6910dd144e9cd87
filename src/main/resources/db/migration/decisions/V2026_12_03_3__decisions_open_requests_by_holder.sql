-- Insights' bottlenecks: the holders with the most and oldest open requests read only the open ones.
create index authority_request_open_idx on authority_request (holder_person_id, created_at)
    where status = 'OPEN';
