CREATE TABLE "import_file_parts" (
	"org_id" integer NOT NULL,
	"job_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "import_file_parts_org_id_job_id_seq_pk" PRIMARY KEY("org_id","job_id","seq")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"org_id" integer NOT NULL,
	"id" integer GENERATED ALWAYS AS IDENTITY (sequence name "import_jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"status" text DEFAULT 'UPLOADING' NOT NULL,
	"dry_run" boolean NOT NULL,
	"source" text NOT NULL,
	"account_id" text DEFAULT '' NOT NULL,
	"actor" jsonb NOT NULL,
	"actor_type" text NOT NULL,
	"actor_code" text NOT NULL,
	"file_name" text,
	"file_bytes" bigint DEFAULT 0 NOT NULL,
	"columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ignored_columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"source_added" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"invalid" integer DEFAULT 0 NOT NULL,
	"lease_owner" uuid,
	"lease_until" timestamp with time zone,
	"run_ms" bigint DEFAULT 0 NOT NULL,
	"failure" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "import_jobs_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "import_jobs_status_check" CHECK ("import_jobs"."status" in ('UPLOADING','QUEUED','RUNNING','COMPLETED','FAILED','CANCELLED'))
);
--> statement-breakpoint
CREATE TABLE "import_results" (
	"org_id" integer NOT NULL,
	"job_id" integer NOT NULL,
	"row" integer NOT NULL,
	"outcome" text NOT NULL,
	"customer_id" bigint,
	"codes" text DEFAULT '' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	CONSTRAINT "import_results_org_id_job_id_row_pk" PRIMARY KEY("org_id","job_id","row"),
	CONSTRAINT "import_results_outcome_check" CHECK ("import_results"."outcome" in ('created','sourceAdded','duplicate','invalid'))
);
--> statement-breakpoint
ALTER TABLE "import_file_parts" ADD CONSTRAINT "import_file_parts_org_id_job_id_import_jobs_org_id_id_fk" FOREIGN KEY ("org_id","job_id") REFERENCES "public"."import_jobs"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_results" ADD CONSTRAINT "import_results_org_id_job_id_import_jobs_org_id_id_fk" FOREIGN KEY ("org_id","job_id") REFERENCES "public"."import_jobs"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_jobs_due_idx" ON "import_jobs" USING btree ("created_at") WHERE "import_jobs"."status" in ('QUEUED', 'RUNNING');--> statement-breakpoint
CREATE INDEX "audit_log_import_idx" ON "audit_log" USING btree ("org_id","request_id") WHERE "audit_log"."request_id" like 'import:%';