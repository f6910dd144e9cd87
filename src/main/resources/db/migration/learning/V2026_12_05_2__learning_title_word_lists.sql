-- Each published learning's title words, one row per word, with how often the learning helped and,
-- for a review, its decision types: similar learnings read "the most helpful learnings whose
-- titles have this word (of this kind of decision)" as a short range of one index, however many
-- titles have the word, without visiting the learnings themselves. Kept by the triggers below on
-- every write of a title, a status, a helped count or decision types: nothing is ever rebuilt.
create table learning_title_word (
    lexeme         text   not null,
    kind           text   not null check (kind in ('review', 'report-out')),
    learning_id    bigint not null,
    helped_count   int    not null,
    decision_types text[] not null default '{}',
    -- in this order, so that the triggers find a learning's words by its key
    primary key (kind, learning_id, lexeme)
);
create index learning_title_word_helped_idx on learning_title_word
    (lexeme, helped_count desc, learning_id desc) include (kind);

create function learning_review_keep_title_words() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        delete from learning_title_word where kind = 'review' and learning_id = old.id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.status = 'PUBLISHED' then
        insert into learning_title_word (lexeme, kind, learning_id, helped_count, decision_types)
        select lexeme, 'review', new.id, new.helped_count, new.decision_types
        from unnest(tsvector_to_array(new.title_words)) lexeme;
    end if;
    return null;
end;
$$;
create trigger learning_review_title_words
    after insert or delete or update of title, status, helped_count, decision_types
    on learning_review for each row execute function learning_review_keep_title_words();

create function learning_report_out_keep_title_words() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        delete from learning_title_word where kind = 'report-out' and learning_id = old.id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into learning_title_word (lexeme, kind, learning_id, helped_count)
        select lexeme, 'report-out', new.id, new.helped_count
        from unnest(tsvector_to_array(new.title_words)) lexeme;
    end if;
    return null;
end;
$$;
create trigger learning_report_out_title_words
    after insert or delete or update of title, helped_count
    on learning_report_out for each row execute function learning_report_out_keep_title_words();

insert into learning_title_word (lexeme, kind, learning_id, helped_count, decision_types)
select lexeme, 'review', r.id, r.helped_count, r.decision_types
from learning_review r, unnest(tsvector_to_array(r.title_words)) lexeme
where r.status = 'PUBLISHED';
insert into learning_title_word (lexeme, kind, learning_id, helped_count)
select lexeme, 'report-out', o.id, o.helped_count
from learning_report_out o, unnest(tsvector_to_array(o.title_words)) lexeme;
