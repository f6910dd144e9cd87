-- The feed is read by key (published at, then id, newest first) across reviews and report-outs:
-- with the id in the index, each side is read in that order and the two merged, whatever the page.
drop index learning_review_published_idx;
create index learning_review_published_idx on learning_review (published_at desc, id desc)
    where status = 'PUBLISHED';
