-- The learnings shown to the decider before deciding, and those they acknowledged (read or
-- marked helped), as 'review-12' or 'report-out-3'. Part of the entry's hashed content when not
-- empty, so that "did past learning change decisions?" is answered from the record itself.
alter table decision add column learnings_shown text[] not null default '{}';
alter table decision add column learnings_acknowledged text[] not null default '{}';
