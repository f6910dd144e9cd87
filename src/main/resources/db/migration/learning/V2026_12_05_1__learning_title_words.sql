-- The words of each title, stemmed and kept (computed on write, like the search vectors), with
-- an index of their own. A word found in the titles of more than a page of learnings is ranked
-- among those alone, and similar learnings are drawn from the titles that share a word: a few
-- hundred rows to rank even when the word is in thousands of texts, where the whole-text index
-- would hand all of those to be read and ranked. Kept rather than an index on an expression, so
-- that a plan that walks another index and tests each title does not stem it again.
alter table learning_review add column title_words tsvector
    generated always as (to_tsvector('english', title)) stored;
alter table learning_report_out add column title_words tsvector
    generated always as (to_tsvector('english', title)) stored;
create index learning_review_title_words_idx on learning_review using gin (title_words);
create index learning_report_out_title_words_idx on learning_report_out using gin (title_words);
