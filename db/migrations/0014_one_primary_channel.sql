-- One primary channel per type per source account (docs/api.md, code 8151). A source account that has
-- several keeps the first (by position) as its primary; the others become secondary. Then the
-- database holds the rule: an exclusion constraint, deferred to the end of the transaction, because
-- a change replaces an account's channels in one statement (its delete and insert run side by side).
UPDATE "comm_channels" AS c SET "is_primary" = false
WHERE c."is_primary" AND EXISTS (
  SELECT 1 FROM "comm_channels" AS d
  WHERE d."org_id" = c."org_id" AND d."source_account_id" = c."source_account_id" AND d."type" = c."type"
    AND d."is_primary" AND (d."position", d."id") < (c."position", c."id")
);--> statement-breakpoint
ALTER TABLE "comm_channels" ADD CONSTRAINT "comm_channels_one_primary"
  EXCLUDE USING btree ("org_id" WITH =, "source_account_id" WITH =, "type" WITH =) WHERE ("is_primary")
  DEFERRABLE INITIALLY DEFERRED;
