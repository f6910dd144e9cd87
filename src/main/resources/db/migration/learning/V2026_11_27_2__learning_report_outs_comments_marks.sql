-- Report-outs (what someone learned and shares), rounds of them, comments, marks ("read",
-- "helped"), follows, and the filters and counts the library sorts and narrows by.

-- A review belongs to the teams its author was in when writing it (the library's team filter),
-- and counts how often it helped (kept with each mark, so sorting by it reads one column).
alter table learning_review add column team_ids bigint[] not null default '{}';
alter table learning_review add column helped_count int not null default 0;
create index learning_review_types_idx on learning_review using gin (decision_types);
create index learning_review_perspectives_idx on learning_review using gin (perspectives);
create index learning_review_teams_idx on learning_review using gin (team_ids);
create index learning_review_factors_idx on learning_review using gin (factors);
create index learning_review_helped_idx on learning_review (helped_count desc, id desc)
    where status = 'PUBLISHED';

-- A team leader's call: "each of us interviews one customer by Friday".
create table learning_round (
    id                   bigint generated always as identity primary key,
    team_id              bigint      not null references team (id),
    started_by_person_id bigint      not null references person (id),
    title                text        not null check (length(title) between 1 and 200),
    due_on               date        not null,
    created_at           timestamptz not null default now()
);
create index learning_round_team_idx on learning_round (team_id, id desc);

-- array_to_string is only stable (it could depend on settings for other element types); for text
-- it is not, and a generated column needs an immutable expression.
create function learning_tags_text(tags text[]) returns text
    language sql immutable parallel safe
    return array_to_string(tags, ' ');

create table learning_report_out (
    id               bigint generated always as identity primary key,
    author_person_id bigint      not null references person (id),
    title            text        not null check (length(title) between 1 and 200),
    body             text        not null check (length(body) between 1 and 10000),
    tags             text[]      not null default '{}',
    team_ids         bigint[]    not null default '{}',
    round_id         bigint references learning_round (id),
    published_at     timestamptz not null default now(),
    helped_count     int         not null default 0,
    -- The title weighs most, then the body, then the tags. Kept by PostgreSQL on every write.
    search           tsvector generated always as (
        setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', body), 'B')
        || setweight(to_tsvector('english', learning_tags_text(tags)), 'C')) stored
);
create index learning_report_out_search_idx on learning_report_out using gin (search);
create index learning_report_out_title_trgm_idx on learning_report_out using gin (title gin_trgm_ops);
create index learning_report_out_published_idx on learning_report_out (published_at desc, id desc);
create index learning_report_out_helped_idx on learning_report_out (helped_count desc, id desc);
create index learning_report_out_tags_idx on learning_report_out using gin (tags);
create index learning_report_out_teams_idx on learning_report_out using gin (team_ids);
create index learning_report_out_round_idx on learning_report_out (round_id) where round_id is not null;
create index learning_report_out_author_idx on learning_report_out (author_person_id, published_at desc);

-- Comments on reviews and report-outs.
create table learning_comment (
    id               bigint generated always as identity primary key,
    kind             text        not null check (kind in ('REVIEW', 'REPORT_OUT')),
    target_id        bigint      not null,
    author_person_id bigint      not null references person (id),
    body             text        not null check (length(body) between 1 and 5000),
    created_at       timestamptz not null default now()
);
create index learning_comment_target_idx on learning_comment (kind, target_id, id);
create index learning_comment_created_idx on learning_comment (created_at desc);

-- "I read it" and "this helped me": one of each per person and learning. A decision recorded
-- afterwards names the learnings its decider acknowledged this way.
create table learning_mark (
    kind      text        not null check (kind in ('REVIEW', 'REPORT_OUT')),
    target_id bigint      not null,
    person_id bigint      not null references person (id),
    mark      text        not null check (mark in ('READ', 'HELPED')),
    marked_at timestamptz not null default now(),
    primary key (kind, target_id, person_id, mark)
);
create index learning_mark_person_idx on learning_mark (person_id, kind, target_id);

-- Whose report-outs someone follows in the feed.
create table learning_follow (
    person_id          bigint not null references person (id),
    followed_person_id bigint not null references person (id),
    primary key (person_id, followed_person_id),
    check (person_id <> followed_person_id)
);
