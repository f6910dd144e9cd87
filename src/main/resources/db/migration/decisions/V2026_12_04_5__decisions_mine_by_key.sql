-- "My decisions" reads the entries one decided and those one requested, each newest first by
-- sequence number and at most a page of each, whatever the length of one's record.
create index decision_decider_seq_idx on decision (decider_person_id, seq desc);
create index decision_requester_seq_idx on decision (requested_by_person_id, seq desc)
    where requested_by_person_id is not null;
