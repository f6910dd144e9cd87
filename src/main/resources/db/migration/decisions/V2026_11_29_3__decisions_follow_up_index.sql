-- A decider's follow-up dates, for their calendar feed.
create index decision_follow_up_idx on decision (decider_person_id, follow_up_on)
    where follow_up_on is not null;
