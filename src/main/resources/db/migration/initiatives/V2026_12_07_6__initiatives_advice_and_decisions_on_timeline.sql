-- An initiative's timeline shows the advice asked for it and the decisions that closed that advice,
-- each linking to its page (which decides who may read it).
alter table initiative_update drop constraint initiative_update_kind_check;
alter table initiative_update add constraint initiative_update_kind_check check (kind in
    ('STARTED', 'COMMENT', 'OFFER_OF_HELP', 'JOINED', 'STATUS', 'HANDOVER', 'ADVICE_ASKED',
     'DECIDED'));
alter table initiative_update add column link text
    check (link is null or link ~ '^/(advice|decisions)/[0-9]+$');
