DROP INDEX "customers_org_referral_code_key";--> statement-breakpoint
DROP INDEX "source_accounts_customer_source_key";--> statement-breakpoint
CREATE UNIQUE INDEX "customers_org_referral_code_key" ON "customers" USING btree ("referral_code","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "source_accounts_customer_source_key" ON "source_accounts" USING btree ("customer_id","source","account_id","org_id");