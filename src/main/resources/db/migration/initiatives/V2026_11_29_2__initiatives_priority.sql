-- An initiative may name the current priority it serves; the priority's page lists those that do.
alter table initiative add column priority_id bigint references strategy_priority (id);
create index initiative_priority_idx on initiative (priority_id, created_at desc)
    where priority_id is not null;
