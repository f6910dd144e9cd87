-- How fast: one row per thing measured (an initiative decided, an advice request's first advice or
-- closing, a holder request answered), written once as the event arrives (its key makes a repeated
-- event harmless), so that medians and 90th percentiles are exact and no page reads the modules'
-- own history. Restricted advice requests and confidential holder requests are not measured.
create table insights_duration (
    measure       text        not null,
    item_id       bigint      not null,
    -- the team of whoever the measure is for: who spotted, asked or requested (0: in no team)
    team_id       bigint      not null,
    -- '' when the item names no kind of decision
    decision_type text        not null,
    ended_at      timestamptz not null,
    seconds       bigint      not null check (seconds >= 0),
    primary key (measure, item_id)
);
create index insights_duration_period_idx
    on insights_duration (measure, ended_at) include (team_id, decision_type, seconds);

-- Who decides: decisions per person, month and the person's team, kept by the follower of the
-- decision record together with where decisions are made (confidential ones not counted).
create table insights_decider_month (
    month     date   not null,
    team_id   bigint not null,
    person_id bigint not null,
    decisions int    not null,
    primary key (month, team_id, person_id)
);

-- Who leads initiatives: whoever started one or took over its lead in a month.
create table insights_lead (
    month         date   not null,
    team_id       bigint not null,
    person_id     bigint not null,
    initiative_id bigint not null,
    primary key (month, team_id, person_id, initiative_id)
);

-- Hand-overs of an initiative's lead, by when they happened.
create table insights_handover (
    initiative_id bigint      not null,
    at            timestamptz not null,
    team_id       bigint      not null,
    primary key (initiative_id, at)
);
create index insights_handover_at_idx on insights_handover (at) include (team_id);
