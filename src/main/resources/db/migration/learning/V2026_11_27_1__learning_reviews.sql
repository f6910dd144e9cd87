-- Learning reviews: blameless write-ups of what happened and what we learned, with actions.

-- The contributing factors a review may name: a short list admins keep.
create table learning_factor (
    code  text primary key check (code ~ '^[a-z][a-z-]{1,39}$'),
    label text not null check (length(label) between 1 and 100)
);
insert into learning_factor (code, label) values
    ('information', 'Information'),
    ('process', 'Process'),
    ('tooling', 'Tooling'),
    ('training', 'Training'),
    ('communication', 'Communication'),
    ('customer', 'Customer'),
    ('supplier', 'Supplier');

create table learning_review (
    id                  bigint generated always as identity primary key,
    author_person_id    bigint      not null references person (id),
    title               text        not null check (length(title) between 1 and 200),
    what_happened       text        not null check (length(what_happened) between 1 and 10000),
    what_we_expected    text        not null default '' check (length(what_we_expected) <= 10000),
    what_we_learned     text        not null check (length(what_we_learned) between 1 and 10000),
    what_we_will_change text        not null default '' check (length(what_we_will_change) <= 10000),
    factors             text[]      not null default '{}',
    decision_types      text[]      not null default '{}',
    perspectives        text[]      not null default '{}',
    status              text        not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED')),
    created_at          timestamptz not null default now(),
    published_at        timestamptz,
    -- Ranked search: the title weighs most, then what we learned, then the rest. Kept by
    -- PostgreSQL on every write of the row; nothing is ever rebuilt as a whole.
    search              tsvector generated always as (
        setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', what_we_learned), 'B')
        || setweight(to_tsvector('english', what_happened || ' ' || what_we_expected || ' '
                                             || what_we_will_change), 'C')) stored
);
create index learning_review_search_idx on learning_review using gin (search);
create index learning_review_title_trgm_idx on learning_review using gin (title gin_trgm_ops);
create index learning_review_author_idx on learning_review (author_person_id);
create index learning_review_published_idx on learning_review (published_at desc) where status = 'PUBLISHED';

-- What a review is about: decisions, initiatives, advice requests. Its visibility follows them.
create table learning_review_link (
    review_id bigint not null references learning_review (id),
    kind      text   not null check (kind in ('DECISION', 'INITIATIVE', 'ADVICE_REQUEST')),
    target_id bigint not null,
    primary key (review_id, kind, target_id)
);
create index learning_review_link_target_idx on learning_review_link (kind, target_id);

create table learning_action (
    id              bigint generated always as identity primary key,
    review_id       bigint      not null references learning_review (id),
    owner_person_id bigint      not null references person (id),
    description     text        not null check (length(description) between 1 and 2000),
    due_on          date        not null,
    done_at         timestamptz,
    done_note       text        not null default '' check (length(done_note) <= 2000)
);
create index learning_action_review_idx on learning_action (review_id);
create index learning_action_owner_idx on learning_action (owner_person_id) where done_at is null;
