-- The same counts per month, so that a period of many months sums a few thousand rows, not every
-- day's: a period's whole months are read here, its partial first and last months from the days.
create table insights_decision_month (
    month                      date   not null,
    team_id                    bigint not null,
    decision_type              text   not null,
    front_line                 int    not null default 0,
    team_leaders               int    not null default 0,
    via_holders                int    not null default 0,
    with_learnings_shown       int    not null default 0,
    with_learnings_acknowledged int   not null default 0,
    primary key (month, team_id, decision_type)
);
insert into insights_decision_month
select date_trunc('month', day)::date, team_id, decision_type, sum(front_line), sum(team_leaders),
       sum(via_holders), sum(with_learnings_shown), sum(with_learnings_acknowledged)
from insights_decision_day group by 1, 2, 3;
