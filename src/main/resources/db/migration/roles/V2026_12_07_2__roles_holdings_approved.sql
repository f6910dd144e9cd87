-- A role that holds authority rules is held, with its authority, only once each rule's owner (or
-- an admin) has approved the holding; until then the holding is proposed: it takes its seat and is
-- shown on the role, and grants nothing (docs/ROLES.md, "Who may hand on a role's authority").
alter table role_holding add column granted boolean not null default true;

create table role_holding_approval (
    holding_id        bigint      not null references role_holding (id),
    rule_id           bigint      not null,
    -- who approves: the rule's owner; null when only an admin may (the rule has no owner, or the
    -- owner is the one who receives the role)
    approver_person_id bigint     references person (id),
    approved_by       text,
    approved_at       timestamptz,
    primary key (holding_id, rule_id)
);
create index role_holding_approval_waiting_idx on role_holding_approval (approver_person_id)
    where approved_at is null;
