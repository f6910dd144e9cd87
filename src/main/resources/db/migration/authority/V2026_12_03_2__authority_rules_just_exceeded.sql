-- How often each rule's limit was just exceeded (by at most a quarter) in checks, per day, the
-- asker's team and the kind of decision: kept as checks are logged, so that "rules most often just
-- exceeded" never reads the check log itself.
create table authority_rule_just_exceeded (
    day           date   not null,
    rule_id       bigint not null,
    team_id       bigint not null,
    decision_type text   not null,
    checks        int    not null,
    primary key (day, rule_id, team_id, decision_type)
);
