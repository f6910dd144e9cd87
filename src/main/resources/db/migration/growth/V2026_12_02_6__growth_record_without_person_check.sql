-- growth_record is derived: every row is counted from the decision record, whose deciders are
-- checked against person there. Checking each of a rebuild's million rows again cost a trigger
-- call per row; the rows are never written from anywhere else.
alter table growth_record drop constraint growth_record_person_id_fkey;
