-- The insights follow the decision record with the decisions module's cursors.
insert into decision_record_cursor (follower, last_seq) select 'insights', last_seq from insights_cursor;
drop table insights_cursor;
