-- A change that widens a rule, proposed by its owner, waits here for an admin to approve or
-- decline it with a reason; until then the rule stays as it is.
create table authority_rule_change (
    id                    bigint generated always as identity primary key,
    rule_id               bigint      not null references authority_rule (id),
    base_version          int         not null,
    draft                 jsonb       not null, -- the rule as proposed (a RuleDraft)
    retire                boolean     not null default false,
    widenings             text[]      not null,
    proposed_by_person_id bigint      not null references person (id),
    proposed_by           text        not null, -- the proposer's name when proposing
    proposed_at           timestamptz not null,
    status                text        not null default 'PROPOSED'
                                      check (status in ('PROPOSED', 'APPROVED', 'DECLINED')),
    answered_by           text,
    answered_at           timestamptz,
    answer                text        not null default '' check (length(answer) <= 2000)
);
create index authority_rule_change_open_idx on authority_rule_change (proposed_at desc)
    where status = 'PROPOSED';
create index authority_rule_change_rule_idx on authority_rule_change (rule_id, proposed_at desc);
create index authority_rule_change_proposer_idx
    on authority_rule_change (proposed_by_person_id, proposed_at desc);
