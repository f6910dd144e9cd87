-- The webhooks follow the decision record with the decisions module's cursors, from where they
-- were: a decision already delivered is never delivered again.
insert into decision_record_cursor (follower, last_seq)
select 'webhooks', last_seq from webhook_decision_cursor;
drop table webhook_decision_cursor;
