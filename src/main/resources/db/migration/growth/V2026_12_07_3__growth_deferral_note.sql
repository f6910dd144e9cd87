-- The note an owner gave when she deferred a suggestion, kept when she later approves or declines
-- it (the answer column then holds that later answer).
alter table growth_suggestion
    add column deferral_note text not null default '' check (length(deferral_note) <= 2000);
