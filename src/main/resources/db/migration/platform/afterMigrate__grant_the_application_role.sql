-- Runs after every migration, as the owner of the tables (docs/ARCHITECTURE.md, "Database roles").
-- The application's role may read and write the tables but owns none, so it cannot alter them or
-- disable the decision record's triggers; the record it may only read and append to.
do $$
declare
    app text := '${approle}';
begin
    if app = current_user or not exists (select 1 from pg_roles where rolname = app) then
        return; -- one role for both (a simple external database): nothing to grant
    end if;
    execute format('grant usage on schema public to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select, update on all sequences in schema public to %I', app);
    execute format('revoke update, delete, truncate, references, trigger on decision from %I', app);
    execute format('revoke insert, update, delete, truncate on flyway_schema_history from %I', app);
    -- growth_record is derived from the decision record and replaced whole by a rebuild: emptying
    -- it row by row cost seconds for a million rows (docs/PERFORMANCE.md, growth)
    if to_regclass('growth_record') is not null then
        execute format('grant truncate on growth_record to %I', app);
    end if;
end
$$;
