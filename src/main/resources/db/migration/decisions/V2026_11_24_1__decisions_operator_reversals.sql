-- The operator account (admin) has no person, yet may reverse a decision. Such a reversal names
-- the account that made it instead of a person; every other entry still names its person.
alter table decision alter column decider_person_id drop not null;
alter table decision add column decider_account text;
alter table decision add constraint decision_has_decider check (
    decider_person_id is not null or (kind = 'REVERSAL' and decider_account is not null));
