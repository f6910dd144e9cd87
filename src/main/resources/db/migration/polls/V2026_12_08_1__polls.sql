-- Group choices (docs/POLLS.md): a poll put to an audience fixed when it opens, its options, and the
-- votes. A vote is kept under its voter's key: the person's id, or for an anonymous poll a keyed
-- one-way token (HMAC with a key kept under BATON_HOME, never in the database) that lets the voter
-- change their vote and nobody tell whose it is.
create table poll (
    id               bigserial   primary key,
    kind             text        not null check (kind in ('CONSENT', 'CHOICE', 'SCORE', 'RANKED', 'MEETING')),
    title            text        not null,
    details          text        not null default '',
    author_person_id bigint      not null references person (id),
    decision_type    text,
    anonymous        boolean     not null default false,
    results_hidden   boolean     not null default false,
    reason_required  boolean     not null default false,
    several          boolean     not null default false,
    quorum_percent   int         not null default 0 check (quorum_percent between 0 and 100),
    audience_size    int         not null check (audience_size > 0),
    version          int         not null default 1,
    opened_at        timestamptz not null,
    closes_at        timestamptz not null,
    closed_at        timestamptz,
    decision_id      bigint
);
-- what waits to close (the closing sweep) and a person's own polls
create index poll_open_closes_idx on poll (closes_at) where closed_at is null;
create index poll_author_idx on poll (author_person_id, id desc);

create table poll_option (
    id       bigserial primary key,
    poll_id  bigint    not null references poll (id) on delete cascade,
    position int       not null,
    text     text      not null,
    unique (poll_id, position)
);

-- the audience as it was when the poll opened: who may vote, and whom silence counts for
-- (with whether each has voted: turnout is no secret, what they voted may be)
create table poll_audience (
    poll_id   bigint      not null references poll (id) on delete cascade,
    person_id bigint      not null references person (id),
    voted_at  timestamptz,
    primary key (poll_id, person_id)
);
-- "what waits for my say": a person's open polls
create index poll_audience_person_idx on poll_audience (person_id, poll_id);

-- each amendment of a consent proposal: the details as they were, and why they changed
create table poll_version (
    poll_id    bigint      not null references poll (id) on delete cascade,
    version    int         not null,
    details    text        not null,
    note       text        not null default '',
    created_at timestamptz not null,
    primary key (poll_id, version)
);

create table poll_vote (
    poll_id    bigint      not null references poll (id) on delete cascade,
    voter_key  text        not null,
    person_id  bigint      references person (id),
    version    int         not null,
    stance     text        check (stance in ('CONSENT', 'STAND_ASIDE', 'OBJECT')),
    option_ids bigint[]    not null default '{}',
    scores     int[]       not null default '{}',
    reason     text        not null default '',
    voted_at   timestamptz not null,
    -- the proposer's answer to an objection: by amending (a new version) or by saying why it stands
    answer     text,
    answered_at timestamptz,
    primary key (poll_id, voter_key),
    -- an anonymous poll's votes name nobody
    check (person_id is null or voter_key = person_id::text)
);
