-- The check page lists the kinds of decision a person asks about most first: their own checks of
-- the last months, found by person and time.
create index authority_check_log_person_idx on authority_check_log (person_id, checked_at);
