CREATE TABLE "customer_requests" (
	"org_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "customer_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 5000001 CACHE 1),
	"type" text NOT NULL,
	"base_type" text NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"victim_id" bigint,
	"survivor_id" bigint,
	"customer_id" bigint,
	"created_by_type" text NOT NULL,
	"created_by_code" text NOT NULL,
	"decided_by_type" text,
	"decided_by_code" text,
	"comments" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"unmerged_at" timestamp with time zone,
	"previous_status_label_id" integer,
	"failure" text,
	CONSTRAINT "customer_requests_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "customer_requests_base_type_check" CHECK ("customer_requests"."base_type" in ('MERGE','DELETE')),
	CONSTRAINT "customer_requests_status_check" CHECK ("customer_requests"."status" in ('PENDING','APPROVED','PROCESSING','COMPLETED','FAILED','REJECTED','CANCELLED')),
	CONSTRAINT "customer_requests_parties_check" CHECK (("customer_requests"."base_type" = 'MERGE' and "customer_requests"."victim_id" is not null and "customer_requests"."survivor_id" is not null and "customer_requests"."customer_id" is null)
       or ("customer_requests"."base_type" = 'DELETE' and "customer_requests"."customer_id" is not null and "customer_requests"."victim_id" is null and "customer_requests"."survivor_id" is null))
);
--> statement-breakpoint
CREATE TABLE "merge_moves" (
	"org_id" integer NOT NULL,
	"request_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"table_name" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "merge_moves_org_id_request_id_seq_pk" PRIMARY KEY("org_id","request_id","seq"),
	CONSTRAINT "merge_moves_some_check" CHECK ("merge_moves"."before" is not null or "merge_moves"."after" is not null)
);
--> statement-breakpoint
ALTER TABLE "customer_history" DROP CONSTRAINT "customer_history_action_check";--> statement-breakpoint
ALTER TABLE "registration_configs" ADD COLUMN "auto_approve_merge" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_configs" ADD COLUMN "auto_approve_delete" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_configs" ADD COLUMN "pii_delete_after_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "lifecycle" text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "merged_into" bigint;--> statement-breakpoint
ALTER TABLE "customer_history" ADD COLUMN "moved_from" bigint;--> statement-breakpoint
ALTER TABLE "customer_requests" ADD CONSTRAINT "customer_requests_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_requests" ADD CONSTRAINT "customer_requests_org_id_victim_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","victim_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_requests" ADD CONSTRAINT "customer_requests_org_id_survivor_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","survivor_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_requests" ADD CONSTRAINT "customer_requests_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merge_moves" ADD CONSTRAINT "merge_moves_org_id_request_id_customer_requests_org_id_id_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."customer_requests"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "customer_requests_open_victim_key" ON "customer_requests" USING btree ("victim_id","org_id") WHERE "customer_requests"."status" in ('PENDING', 'APPROVED', 'PROCESSING');--> statement-breakpoint
CREATE UNIQUE INDEX "customer_requests_open_delete_key" ON "customer_requests" USING btree ("customer_id","org_id") WHERE "customer_requests"."status" in ('PENDING', 'APPROVED', 'PROCESSING');--> statement-breakpoint
CREATE INDEX "customer_requests_queue_idx" ON "customer_requests" USING btree ("status","org_id","id");--> statement-breakpoint
CREATE INDEX "customer_requests_survivor_idx" ON "customer_requests" USING btree ("survivor_id","org_id");--> statement-breakpoint
CREATE INDEX "customer_requests_due_idx" ON "customer_requests" USING btree ("due_at") WHERE "customer_requests"."base_type" = 'DELETE' and "customer_requests"."status" = 'APPROVED';--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_org_id_merged_into_customers_org_id_id_fk" FOREIGN KEY ("org_id","merged_into") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_configs" ADD CONSTRAINT "registration_configs_pii_days_check" CHECK ("registration_configs"."pii_delete_after_days" between 0 and 90);--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_lifecycle_check" CHECK ("customers"."lifecycle" in ('ACTIVE','MERGED','PENDING_DELETION','DELETED'));--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_merged_into_check" CHECK (("customers"."lifecycle" = 'MERGED') = ("customers"."merged_into" is not null));--> statement-breakpoint
ALTER TABLE "customer_history" ADD CONSTRAINT "customer_history_action_check" CHECK ("customer_history"."action" in ('customer.registered','source.added','customer.updated','status.changed','identifier.added','identifier.removed','customer.merged','customer.unmerged','customer.deleted','request.decided'));