-- The digest tells each team what was spotted since the last one: initiatives by when they started.
create index initiative_created_idx on initiative (created_at desc);
