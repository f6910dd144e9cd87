-- A decision may name the current priority it serves (strategy's id; strategy keeps priorities'
-- ids stable across versions). A priority's page lists the decisions that name it, newest first.
alter table decision add column priority_id bigint;
create index decision_by_priority on decision (priority_id, decided_at desc) where priority_id is not null;
