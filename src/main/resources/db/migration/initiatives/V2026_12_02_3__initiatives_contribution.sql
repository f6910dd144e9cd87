-- An initiative may carry out a contribution adopted in a dialogue round; the contribution's page
-- lists the initiatives that do, and its author hears how they go.
alter table initiative add column contribution_id bigint references strategy_contribution (id);
create index initiative_contribution_idx on initiative (contribution_id)
    where contribution_id is not null;
