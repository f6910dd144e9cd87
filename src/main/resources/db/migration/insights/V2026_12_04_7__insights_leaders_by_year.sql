-- Who leads, kept as one row per person, team and year: the months they decided on the record in
-- and the months they started or took over an initiative in, as bits (bit 0: January), and their
-- decisions per month. Who leads over a year of a whole organisation then reads some two rows per
-- person instead of every person-month and every lead (in place of insights_decider_month).
create table insights_leader_year (
    year           int    not null,
    team_id        bigint not null,
    person_id      bigint not null,
    decided_months int    not null default 0,
    led_months     int    not null default 0,
    decisions      int[]  not null default array_fill(0, array[12]),
    primary key (year, team_id, person_id)
);

-- Two months' counts added month by month: what a decided row adds to the kept one.
create function insights_add_months(kept int[], added int[]) returns int[]
    language sql immutable
    as $$ select array_agg(k + a order by i) from unnest(kept, added) with ordinality u(k, a, i) $$;

insert into insights_leader_year (year, team_id, person_id, decided_months, decisions)
select extract(year from month)::int, team_id, person_id,
       bit_or(1 << (extract(month from month)::int - 1)),
       array[coalesce(sum(decisions) filter (where extract(month from month) = 1), 0),
             coalesce(sum(decisions) filter (where extract(month from month) = 2), 0),
             coalesce(sum(decisions) filter (where extract(month from month) = 3), 0),
             coalesce(sum(decisions) filter (where extract(month from month) = 4), 0),
             coalesce(sum(decisions) filter (where extract(month from month) = 5), 0),
             coalesce(sum(decisions) filter (where extract(month from month) = 6), 0),
             coalesce(sum(decisions) filter (where extract(month from month) = 7), 0),
             coalesce(sum(decisions) filter (where extract(month from month) = 8), 0),
             coalesce(sum(decisions) filter (where extract(month from month) = 9), 0),
             coalesce(sum(decisions) filter (where extract(month from month) = 10), 0),
             coalesce(sum(decisions) filter (where extract(month from month) = 11), 0),
             coalesce(sum(decisions) filter (where extract(month from month) = 12), 0)]::int[]
  from insights_decider_month
 group by 1, 2, 3;

insert into insights_leader_year as y (year, team_id, person_id, led_months)
select extract(year from month)::int, team_id, person_id,
       bit_or(1 << (extract(month from month)::int - 1))
  from insights_lead
 group by 1, 2, 3
    on conflict (year, team_id, person_id) do update set led_months = y.led_months | excluded.led_months;

drop table insights_decider_month;
