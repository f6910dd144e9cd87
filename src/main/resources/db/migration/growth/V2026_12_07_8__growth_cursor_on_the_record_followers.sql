-- Growth follows the decision record with the decisions module's cursors; its own table keeps only
-- the near-limit share the records were counted with (a change rebuilds them).
insert into decision_record_cursor (follower, last_seq) select 'growth', last_seq from growth_cursor;
alter table growth_cursor drop column last_seq;
alter table growth_cursor rename to growth_counted_with;
