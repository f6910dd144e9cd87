-- Shared strategy: the direction (vision, mission, values, trade-offs, priorities with goals) in
-- versions, goal progress, key figures with their confidentiality, and strategic dialogue rounds.

-- Who besides admins may edit the direction, keep key figures and open dialogue rounds.
create table strategy_editor (
    person_id bigint      primary key references person (id),
    named_at  timestamptz not null default now()
);

-- The direction is written whole on every change: the newest version is current and each earlier
-- one stays readable as it was. "part" is what the change was about; "reason" is why.
create table strategy_version (
    number               int         primary key check (number > 0),
    document             jsonb       not null,
    part                 text        not null check (part in
                             ('VISION', 'VALUES', 'TRADE_OFFS', 'PRIORITIES')),
    reason               text        not null check (length(reason) between 1 and 2000),
    changed_by_person_id bigint references person (id),
    changed_by_name      text        not null,
    changed_at           timestamptz not null
);

-- Stable ids for priorities and goals across versions: initiatives name a priority, and goal
-- progress is kept against a goal, whatever later versions change in their words.
create table strategy_priority (
    id         bigint generated always as identity primary key,
    created_at timestamptz not null default now()
);

create table strategy_goal (
    id          bigint generated always as identity primary key,
    priority_id bigint      not null references strategy_priority (id),
    created_at  timestamptz not null default now()
);
create index strategy_goal_priority_idx on strategy_goal (priority_id);

create table strategy_goal_update (
    id          bigint generated always as identity primary key,
    goal_id     bigint         not null references strategy_goal (id),
    value       numeric(20, 4) not null,
    comment     text           not null default '' check (length(comment) <= 2000),
    person_id   bigint references person (id),
    by_name     text           not null,
    recorded_at timestamptz    not null
);
create index strategy_goal_update_goal_idx on strategy_goal_update (goal_id, recorded_at desc, id desc);

-- Key figures. Names need not be unique: a name taken by a figure one may not see must not tell
-- that it exists. visibility: EVERYONE, LEADERS (team leaders and admins), PEOPLE (those named, and
-- admins) or ADMINS.
create table strategy_figure (
    id          bigint generated always as identity primary key,
    name        text           not null check (length(name) between 1 and 200),
    unit        text           not null check (length(unit) between 1 and 20),
    description text           not null default '' check (length(description) <= 2000),
    target      numeric(20, 4),
    visibility  text           not null check (visibility in ('EVERYONE', 'LEADERS', 'PEOPLE', 'ADMINS')),
    created_at  timestamptz    not null,
    changed_at  timestamptz    not null
);

create table strategy_figure_person (
    figure_id bigint not null references strategy_figure (id) on delete cascade,
    person_id bigint not null references person (id),
    primary key (figure_id, person_id)
);
create index strategy_figure_person_person_idx on strategy_figure_person (person_id);

-- One value per figure and day; entering a day again replaces its value.
create table strategy_figure_value (
    figure_id  bigint         not null references strategy_figure (id) on delete cascade,
    on_date    date           not null,
    value      numeric(20, 4) not null,
    comment    text           not null default '' check (length(comment) <= 2000),
    by_name    text           not null,
    entered_at timestamptz    not null,
    primary key (figure_id, on_date)
);

-- Strategic dialogue rounds: contributions open until contributions_close_on, answers are due by
-- answers_due_on, and the round is published once every contribution has its answer.
create table strategy_round (
    id                     bigint generated always as identity primary key,
    title                  text        not null check (length(title) between 1 and 200),
    description            text        not null default '' check (length(description) <= 10000),
    opened_by_person_id    bigint      not null references person (id),
    leader_ids             bigint[]    not null,
    opened_at              timestamptz not null,
    contributions_close_on date        not null,
    answers_due_on         date        not null check (answers_due_on >= contributions_close_on),
    -- written when published: what changes in the priorities, and which priorities it names
    summary                text check (length(summary) <= 10000),
    summary_priority_ids   bigint[]    not null default '{}',
    published_at           timestamptz,
    published_by_person_id bigint references person (id)
);
create index strategy_round_opened_idx on strategy_round (opened_at desc, id desc);

create table strategy_theme (
    id       bigint generated always as identity primary key,
    round_id bigint not null references strategy_round (id),
    name     text   not null check (length(name) between 1 and 100)
);
create unique index strategy_theme_name_idx on strategy_theme (round_id, lower(name));

create table strategy_contribution (
    id                    bigint generated always as identity primary key,
    round_id              bigint      not null references strategy_round (id),
    author_person_id      bigint      not null references person (id),
    kind                  text        not null check (kind in ('IDEA', 'CONCERN', 'QUESTION')),
    body                  text        not null check (length(body) between 1 and 5000),
    theme_id              bigint references strategy_theme (id),
    created_at            timestamptz not null,
    -- kept with each support and comment, so that sorting a round of thousands reads one column
    support_count         int         not null default 0,
    comment_count         int         not null default 0,
    answer_state          text check (answer_state in ('ADOPTED', 'EXPLORE', 'NOT_NOW', 'DECLINED')),
    answer                text check (length(answer) <= 5000),
    answered_by_person_id bigint references person (id),
    answered_at           timestamptz,
    check ((answer_state is null) = (answer is null))
);
create index strategy_contribution_support_idx
    on strategy_contribution (round_id, support_count desc, id desc);
create index strategy_contribution_theme_idx
    on strategy_contribution (round_id, theme_id, support_count desc, id desc);
create index strategy_contribution_new_idx on strategy_contribution (round_id, id desc);
create index strategy_contribution_unanswered_idx
    on strategy_contribution (round_id, id) where answer_state is null;
create index strategy_contribution_author_idx on strategy_contribution (author_person_id);

create table strategy_support (
    contribution_id bigint      not null references strategy_contribution (id),
    person_id       bigint      not null references person (id),
    supported_at    timestamptz not null,
    primary key (contribution_id, person_id)
);
create index strategy_support_person_idx on strategy_support (person_id);

create table strategy_comment (
    id               bigint generated always as identity primary key,
    contribution_id  bigint      not null references strategy_contribution (id),
    author_person_id bigint      not null references person (id),
    body             text        not null check (length(body) between 1 and 5000),
    created_at       timestamptz not null
);
create index strategy_comment_contribution_idx on strategy_comment (contribution_id, id);
