-- A decision's page links to the advice request it closed, found by the decision's id.
create index advice_request_decision_idx on advice_request (decision_id) where decision_id is not null;
