-- How many open asks each adviser has: what a panel proposal weighs (the least busy first) on every
-- proposal. Kept as places are added and requests close, so that a proposal reads one row per
-- candidate instead of counting places, however many asks are open.
create table advice_open_asks (
    person_id bigint primary key references person (id),
    open_asks int    not null check (open_asks >= 0)
);
insert into advice_open_asks (person_id, open_asks)
    select person_id, count(*) from advice_panel_member where request_open group by person_id;
