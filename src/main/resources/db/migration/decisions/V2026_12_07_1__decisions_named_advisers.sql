-- People a decider named as having given the advice a rule required (by phone, in person). Each is
-- told at once, may see the decision, and may dispute it on its page; the record says whose
-- advice a decision rests on (docs/AUTHORITY.md, "What satisfies an advice requirement").
create table decision_named_adviser (
    decision_id  bigint      not null references decision (id),
    person_id    bigint      not null references person (id),
    perspectives text[]      not null,
    disputed_at  timestamptz,
    dispute      text,
    primary key (decision_id, person_id)
);
