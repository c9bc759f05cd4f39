CREATE TABLE "customer_search_words" (
	"org_id" integer NOT NULL,
	"customer_id" bigint NOT NULL,
	"word" text NOT NULL,
	CONSTRAINT "customer_search_words_org_id_customer_id_word_pk" PRIMARY KEY("org_id","customer_id","word")
);
--> statement-breakpoint
CREATE TABLE "customer_history" (
	"org_id" integer NOT NULL,
	"customer_id" bigint NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "customer_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_code" text NOT NULL,
	"request_id" text NOT NULL,
	"user_context" jsonb,
	"reason" text,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "customer_history_org_id_customer_id_id_pk" PRIMARY KEY("org_id","customer_id","id"),
	CONSTRAINT "customer_history_action_check" CHECK ("customer_history"."action" in ('customer.registered','source.added','customer.updated','status.changed','identifier.added','identifier.removed'))
);
--> statement-breakpoint
DROP INDEX "identifiers_org_value_idx";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_search_words" ADD CONSTRAINT "customer_search_words_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_history" ADD CONSTRAINT "customer_history_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_search_words_word_idx" ON "customer_search_words" USING btree ("org_id","word" text_pattern_ops,"customer_id");--> statement-breakpoint
CREATE INDEX "identifiers_org_value_idx" ON "identifiers" USING btree ("org_id","value" text_pattern_ops);--> statement-breakpoint
-- Customers registered before the history existed: their registrations (and source accounts added
-- since) from the audit rows, in the order they happened.
INSERT INTO "customer_history" ("org_id", "customer_id", "at", "action", "actor_type", "actor_code", "request_id", "user_context", "changes")
SELECT a."org_id", a."customer_id", a."created_at",
       CASE WHEN (a."details"->>'combined')::boolean THEN 'source.added' ELSE 'customer.registered' END,
       a."actor_type", a."actor_code", a."request_id", a."user_context",
       COALESCE((SELECT jsonb_agg(jsonb_build_object('path', 'profiles.' || s, 'before', NULL, 'after', s))
                 FROM jsonb_array_elements_text(a."details"->'sources') s), '[]'::jsonb)
FROM "audit_log" a
WHERE a."action" = 'customer.register' AND a."outcome" = 'success' AND a."customer_id" IS NOT NULL
ORDER BY a."created_at", a."id";
--> statement-breakpoint
-- The names already stored, as search words: the SQL twin of lib/customers/search-text.ts (NFKD,
-- diacritics stripped, lower-cased, split at white space and ASCII punctuation).
INSERT INTO "customer_search_words" ("org_id", "customer_id", "word")
SELECT DISTINCT sa."org_id", sa."customer_id", left(w, 100)
FROM "source_accounts" sa,
     regexp_split_to_table(
       lower(regexp_replace(normalize(coalesce(sa."first_name", '') || ' ' || coalesce(sa."last_name", ''), NFKD),
                            '[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]', '', 'g')),
       '[[:space:]!-/:-@[-`{-~]+') w
WHERE w <> ''
ON CONFLICT DO NOTHING;
