-- How fast, for everyone and every kind of decision, by month: a past month's count and
-- percentiles no longer change once the month is over, so they are kept the first time they are
-- read and read from here after. A duration that still arrives for a past month (an event handled
-- late, history written as of its moment) forgets that month's row, which is then taken again.
create table insights_duration_month (
    month          date   not null,
    measure        text   not null,
    durations      bigint not null,
    median_seconds bigint not null,
    p90_seconds    bigint not null,
    primary key (month, measure)
);
