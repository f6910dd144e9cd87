-- A circle lead's home lists the applications waiting for them: circles by their lead.
create index circle_lead_idx on circle (lead_person_id);
