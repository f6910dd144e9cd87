-- A panel place carries what a person's lists and counts sort and filter on: whether its request is
-- still open and when it was asked (set as the place is added, cleared when the request closes).
-- So "my advice requests" reads a person's places in order from one index, a page at a time, and
-- the open asks a panel proposal weighs are counted over open places alone, however much closed
-- history piles up beside them.
alter table advice_panel_member add column request_open boolean, add column asked_at timestamptz;
update advice_panel_member m set request_open = r.status = 'OPEN', asked_at = r.created_at
    from advice_request r where r.id = m.request_id;
alter table advice_panel_member alter column request_open set not null,
                                alter column asked_at set not null;
drop index advice_panel_member_person_idx;
create index advice_panel_member_person_idx
    on advice_panel_member (person_id, request_open desc, asked_at desc, request_id desc);
-- the same order for the requests a person asked
create index advice_request_asker_list_idx
    on advice_request (asker_person_id, (status = 'OPEN') desc, created_at desc, id desc);
