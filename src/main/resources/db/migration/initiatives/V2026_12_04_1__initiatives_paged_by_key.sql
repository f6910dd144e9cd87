-- Lists of initiatives are read by key (last activity, then id, newest first): these indexes let a
-- page seek to its key instead of counting past the pages before it.
create index initiative_activity_idx on initiative (last_activity_at desc, id desc);
drop index initiative_status_idx;
create index initiative_status_idx on initiative (status, last_activity_at desc, id desc);
