-- A rule's holder can be a role: the people who hold it (kept by the roles module) decide, so
-- authority moves with the role. No foreign key: roles are another module's table, and a rule
-- naming a role that is gone simply covers nobody.
alter table authority_rule_version add column holder_role_id bigint;
alter table authority_rule_version drop constraint authority_rule_version_holder_kind_check;
alter table authority_rule_version add constraint authority_rule_version_holder_kind_check
    check (holder_kind in ('PERSON', 'TEAM', 'TEAM_AND_SUBTEAMS', 'TEAM_LEADER', 'EVERYONE', 'ROLE'));
alter table authority_rule_version add constraint authority_rule_version_role_holder_check
    check ((holder_kind = 'ROLE') = (holder_role_id is not null));
