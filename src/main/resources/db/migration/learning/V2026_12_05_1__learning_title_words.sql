-- The words of each title, stemmed, in an index of their own. A word found in the titles of more
-- than a page of learnings is ranked among those alone, and similar learnings are drawn from the
-- titles that share a word: a few hundred rows to rank even when the word is in thousands of
-- texts, where the whole-text index would hand all of those to be read and ranked.
create index learning_review_title_words_idx on learning_review
    using gin (to_tsvector('english', title));
create index learning_report_out_title_words_idx on learning_report_out
    using gin (to_tsvector('english', title));
