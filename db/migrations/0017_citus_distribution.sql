-- Sharding by org on Citus (docs/scaling.md, "Citus"). Without the citus extension (plain PostgreSQL,
-- the embedded database) this migration only creates the function below, which then does nothing.
--
-- distribute_by_org(reference_tables, org_tables) makes each of `reference_tables` a reference table
-- (a copy on every node: the platform's tables, and the org tables whose unique keys are global: an
-- org's code, a till's code, an API client's key, a staff email) and each of `org_tables` a table
-- distributed by org_id, colocated with customers: every row of one org, in every table, on one shard.
-- Citus refuses to make a reference table of a table linked by foreign keys to plain tables (it pulls
-- them all into the coordinator first), so the foreign keys from and to the tables are dropped first
-- and added again once every table is placed; Citus then makes them on the shards.
--
-- The rule for every later migration that creates a table: end it with
--   SELECT distribute_by_org('{}', '{new_table}');   -- or '{new_table}', '{}' for a reference table
-- A table created after this migration and not distributed stays on the coordinator alone, without an
-- error (tests/lint/migrations.test.ts checks the rule; tests/citus/distribution.test.ts the result).
-- Distributing takes longer than a request's statement timeout (the app's connections carry one): none
-- for the rest of the migrations' transaction.
SET LOCAL statement_timeout = 0;
--> statement-breakpoint
CREATE FUNCTION distribute_by_org(reference_tables text[], org_tables text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  fk record;
  readd text[] := '{}';
  t text;
  s text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
    RETURN;
  END IF;
  -- The shards' DDL over one connection per node: DDL on shards already touched in this transaction
  -- (the foreign keys of the tables just distributed) must use the same connections.
  PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
  FOR fk IN
    SELECT c.conrelid::regclass AS tbl, c.conname, pg_get_constraintdef(c.oid) AS def
    FROM pg_constraint c
    WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
      AND (c.conrelid::regclass::text = ANY (reference_tables || org_tables)
        OR c.confrelid::regclass::text = ANY (reference_tables || org_tables))
    ORDER BY c.conrelid::regclass::text, c.conname
  LOOP
    readd := readd || format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk.tbl, fk.conname, fk.def);
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.tbl, fk.conname);
  END LOOP;
  FOREACH t IN ARRAY reference_tables LOOP
    PERFORM create_reference_table(t);
  END LOOP;
  FOREACH t IN ARRAY org_tables LOOP
    IF t = 'customers' THEN
      PERFORM create_distributed_table(t, 'org_id', colocate_with => 'none');
    ELSE
      PERFORM create_distributed_table(t, 'org_id', colocate_with => 'customers');
    END IF;
  END LOOP;
  FOREACH s IN ARRAY readd LOOP
    EXECUTE s;
  END LOOP;
END $$;
--> statement-breakpoint
SELECT distribute_by_org(
  '{verticals,extended_field_catalogue,orgs,tills,api_clients,staff_users}',
  '{customers,audit_log,card_series,comm_channels,custom_fields,customer_history,customer_requests,customer_search_words,identifiers,identity_keys,idempotency_keys,import_file_parts,import_jobs,import_results,loyalty_enrollments,loyalty_programs,loyalty_tiers,merge_moves,org_extended_field_settings,org_source_accounts,org_sources,org_verticals,registration_benefits,registration_configs,side_effects,source_accounts,status_labels,webhook_deliveries,webhooks}'
);
