-- Ranking reads a small vector, matching the full one. The full search vector of a long review
-- is kilobytes, kept compressed out of line; ranking thousands of matches by it meant fetching and
-- decompressing each. The head (the title, weighted A, and what we learned or the report-out's
-- tags, weighted B) is small enough to stay in the row. A match only in the rest ranks after
-- those in the head, newest first.
alter table learning_review add column rank_head tsvector generated always as (
    setweight(to_tsvector('english', title), 'A')
    || setweight(to_tsvector('english', what_we_learned), 'B')) stored;
alter table learning_report_out add column rank_head tsvector generated always as (
    setweight(to_tsvector('english', title), 'A')
    || setweight(to_tsvector('english', learning_tags_text(tags)), 'B')) stored;
