-- Insights count the review actions due in a period: done on time, late, or overdue.
create index learning_action_due_idx on learning_action (due_on);
