CREATE TABLE "api_clients" (
	"org_id" integer NOT NULL,
	"id" serial NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"till_id" integer,
	"secret_salt" text NOT NULL,
	"secret_hash" text NOT NULL,
	"can_write_customers" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_clients_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "api_clients_kind_check" CHECK ("api_clients"."kind" in ('TILL','OAUTH_CLIENT'))
);
--> statement-breakpoint
CREATE TABLE "orgs" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"region" text NOT NULL,
	"rate_limit_override" integer,
	"config_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orgs_region_check" CHECK ("orgs"."region" in ('ASIA1','ASIA2','EMEA','US')),
	CONSTRAINT "orgs_rate_limit_override_check" CHECK ("orgs"."rate_limit_override" is null or "orgs"."rate_limit_override" > 0)
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"org_id" integer NOT NULL,
	"id" serial NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_users_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "staff_users_role_check" CHECK ("staff_users"."role" in ('admin','staff'))
);
--> statement-breakpoint
CREATE TABLE "tills" (
	"org_id" integer NOT NULL,
	"id" serial NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "tills_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "card_series" (
	"org_id" integer NOT NULL,
	"id" integer NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "card_series_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "custom_fields" (
	"org_id" integer NOT NULL,
	"name" text NOT NULL,
	"label" text NOT NULL,
	"data_type" text NOT NULL,
	"enum_values" text[] DEFAULT '{}'::text[] NOT NULL,
	"mandatory" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "custom_fields_org_id_name_pk" PRIMARY KEY("org_id","name"),
	CONSTRAINT "custom_fields_type_check" CHECK ("custom_fields"."data_type" in ('STRING','INTEGER','DOUBLE','BOOLEAN','DATE','ENUM'))
);
--> statement-breakpoint
CREATE TABLE "extended_field_catalogue" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"label" text NOT NULL,
	"data_type" text NOT NULL,
	"enum_values" text[] DEFAULT '{}'::text[] NOT NULL,
	"scope" text NOT NULL,
	"vertical_id" integer NOT NULL,
	CONSTRAINT "extended_field_catalogue_scope_check" CHECK ("extended_field_catalogue"."scope" in ('CUSTOMER','CARD'))
);
--> statement-breakpoint
CREATE TABLE "org_extended_field_settings" (
	"org_id" integer NOT NULL,
	"field_id" integer NOT NULL,
	"mandatory" boolean DEFAULT false NOT NULL,
	CONSTRAINT "org_extended_field_settings_org_id_field_id_pk" PRIMARY KEY("org_id","field_id")
);
--> statement-breakpoint
CREATE TABLE "org_source_accounts" (
	"org_id" integer NOT NULL,
	"source" text NOT NULL,
	"account_id" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	CONSTRAINT "org_source_accounts_org_id_source_account_id_pk" PRIMARY KEY("org_id","source","account_id")
);
--> statement-breakpoint
CREATE TABLE "org_sources" (
	"org_id" integer NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "org_sources_org_id_source_pk" PRIMARY KEY("org_id","source")
);
--> statement-breakpoint
CREATE TABLE "org_verticals" (
	"org_id" integer NOT NULL,
	"vertical_id" integer NOT NULL,
	CONSTRAINT "org_verticals_org_id_vertical_id_pk" PRIMARY KEY("org_id","vertical_id")
);
--> statement-breakpoint
CREATE TABLE "registration_configs" (
	"org_id" integer PRIMARY KEY NOT NULL,
	"primary_identifier" text DEFAULT 'mobile' NOT NULL,
	"allowed_identifier_types" text[] NOT NULL,
	"mandatory_identifier_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"unique_identifier_types" text[] NOT NULL,
	"mobile_min_length" integer DEFAULT 6 NOT NULL,
	"mobile_max_length" integer DEFAULT 15 NOT NULL,
	"mobile_strict" boolean DEFAULT false NOT NULL,
	"default_country" text,
	"default_status_label_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_configs_mobile_len_check" CHECK ("registration_configs"."mobile_min_length" >= 1 and "registration_configs"."mobile_max_length" >= "registration_configs"."mobile_min_length" and "registration_configs"."mobile_max_length" <= 20)
);
--> statement-breakpoint
CREATE TABLE "status_labels" (
	"org_id" integer NOT NULL,
	"id" serial NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	CONSTRAINT "status_labels_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "status_labels_status_check" CHECK ("status_labels"."status" in ('ACTIVE','SUSPENDED','DELETED','FRAUD_SUSPECTED','FRAUD_CONFIRMED','INTERNAL','PENDING_DELETION'))
);
--> statement-breakpoint
CREATE TABLE "verticals" (
	"id" integer PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "loyalty_programs" (
	"org_id" integer NOT NULL,
	"id" integer NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"referral_bonus_points" numeric(18, 3),
	CONSTRAINT "loyalty_programs_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "loyalty_programs_type_check" CHECK ("loyalty_programs"."type" in ('DEFAULT','SUPPLEMENTARY'))
);
--> statement-breakpoint
CREATE TABLE "loyalty_tiers" (
	"org_id" integer NOT NULL,
	"program_id" integer NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "loyalty_tiers_org_id_program_id_number_pk" PRIMARY KEY("org_id","program_id","number"),
	CONSTRAINT "loyalty_tiers_number_check" CHECK ("loyalty_tiers"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "registration_benefits" (
	"org_id" integer NOT NULL,
	"id" serial NOT NULL,
	"program_id" integer NOT NULL,
	"type" text NOT NULL,
	"amount" numeric(18, 3),
	"currency_identifier" text,
	"currency_name" text,
	"coupon_description" text,
	"coupon_type" text,
	"coupon_valid_days" integer,
	"discount_code" text,
	CONSTRAINT "registration_benefits_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "registration_benefits_type_check" CHECK (
      ("registration_benefits"."type" = 'points' and "registration_benefits"."amount" > 0) or
      ("registration_benefits"."type" = 'alternate_currency' and "registration_benefits"."amount" > 0 and "registration_benefits"."currency_identifier" is not null and "registration_benefits"."currency_name" is not null) or
      ("registration_benefits"."type" = 'coupon' and "registration_benefits"."coupon_description" is not null and "registration_benefits"."coupon_valid_days" > 0))
);
--> statement-breakpoint
CREATE TABLE "comm_channels" (
	"org_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "comm_channels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"source_account_id" bigint NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"subscribed" boolean,
	"meta" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "comm_channels_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"org_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "customers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100000001 CACHE 1),
	"status_label_id" integer,
	"loyalty_type" text DEFAULT 'loyalty' NOT NULL,
	"extended_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"referral_code" text NOT NULL,
	"registered_till_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_type" text NOT NULL,
	"created_by_code" text NOT NULL,
	CONSTRAINT "customers_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "customers_loyalty_type_check" CHECK ("customers"."loyalty_type" in ('loyalty','non_loyalty'))
);
--> statement-breakpoint
CREATE TABLE "identifiers" (
	"org_id" integer NOT NULL,
	"source_account_id" bigint NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"customer_id" bigint NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"series_id" integer,
	"status_label" text,
	"extended_fields" jsonb,
	CONSTRAINT "identifiers_org_id_source_account_id_type_value_pk" PRIMARY KEY("org_id","source_account_id","type","value")
);
--> statement-breakpoint
CREATE TABLE "identity_keys" (
	"org_id" integer NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"customer_id" bigint NOT NULL,
	CONSTRAINT "identity_keys_org_id_type_value_pk" PRIMARY KEY("org_id","type","value")
);
--> statement-breakpoint
CREATE TABLE "loyalty_enrollments" (
	"org_id" integer NOT NULL,
	"customer_id" bigint NOT NULL,
	"program_id" integer NOT NULL,
	"tier_number" integer NOT NULL,
	"points" numeric(18, 3) DEFAULT 0 NOT NULL,
	"tier_expiry_date" timestamp with time zone,
	"points_expiry_date" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_enrollments_org_id_customer_id_program_id_pk" PRIMARY KEY("org_id","customer_id","program_id"),
	CONSTRAINT "loyalty_enrollments_points_check" CHECK ("loyalty_enrollments"."points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "side_effects" (
	"org_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "side_effects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1000000001 CACHE 1),
	"customer_id" bigint NOT NULL,
	"beneficiary_customer_id" bigint NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"program_id" integer,
	"type" text NOT NULL,
	"is_referrer" boolean DEFAULT false NOT NULL,
	"raw_value" numeric(18, 3),
	"currency_identifier" text,
	"currency_name" text,
	"coupon_code" text,
	"coupon_type" text,
	"valid_till" timestamp with time zone,
	"description" text,
	"discount_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "side_effects_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "side_effects_type_check" CHECK ("side_effects"."type" in ('points','alternate_currency','coupon'))
);
--> statement-breakpoint
CREATE TABLE "source_accounts" (
	"org_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "source_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"customer_id" bigint NOT NULL,
	"source" text NOT NULL,
	"account_id" text DEFAULT '' NOT NULL,
	"first_name" text,
	"last_name" text,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_type" text NOT NULL,
	"created_by_code" text NOT NULL,
	CONSTRAINT "source_accounts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"org_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"customer_id" bigint,
	"request_id" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_code" text NOT NULL,
	"user_context" jsonb,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_log_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"org_id" integer NOT NULL,
	"client_key" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_org_id_client_key_key_pk" PRIMARY KEY("org_id","client_key","key")
);
--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_org_id_till_id_tills_org_id_id_fk" FOREIGN KEY ("org_id","till_id") REFERENCES "public"."tills"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tills" ADD CONSTRAINT "tills_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_series" ADD CONSTRAINT "card_series_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_fields" ADD CONSTRAINT "custom_fields_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extended_field_catalogue" ADD CONSTRAINT "extended_field_catalogue_vertical_id_verticals_id_fk" FOREIGN KEY ("vertical_id") REFERENCES "public"."verticals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_extended_field_settings" ADD CONSTRAINT "org_extended_field_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_extended_field_settings" ADD CONSTRAINT "org_extended_field_settings_field_id_extended_field_catalogue_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."extended_field_catalogue"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_source_accounts" ADD CONSTRAINT "org_source_accounts_org_id_source_org_sources_org_id_source_fk" FOREIGN KEY ("org_id","source") REFERENCES "public"."org_sources"("org_id","source") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_sources" ADD CONSTRAINT "org_sources_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_verticals" ADD CONSTRAINT "org_verticals_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_verticals" ADD CONSTRAINT "org_verticals_vertical_id_verticals_id_fk" FOREIGN KEY ("vertical_id") REFERENCES "public"."verticals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_configs" ADD CONSTRAINT "registration_configs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_configs" ADD CONSTRAINT "registration_configs_org_id_default_status_label_id_status_labels_org_id_id_fk" FOREIGN KEY ("org_id","default_status_label_id") REFERENCES "public"."status_labels"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_labels" ADD CONSTRAINT "status_labels_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_programs" ADD CONSTRAINT "loyalty_programs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_tiers" ADD CONSTRAINT "loyalty_tiers_org_id_program_id_loyalty_programs_org_id_id_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."loyalty_programs"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_benefits" ADD CONSTRAINT "registration_benefits_org_id_program_id_loyalty_programs_org_id_id_fk" FOREIGN KEY ("org_id","program_id") REFERENCES "public"."loyalty_programs"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comm_channels" ADD CONSTRAINT "comm_channels_org_id_source_account_id_source_accounts_org_id_id_fk" FOREIGN KEY ("org_id","source_account_id") REFERENCES "public"."source_accounts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_org_id_status_label_id_status_labels_org_id_id_fk" FOREIGN KEY ("org_id","status_label_id") REFERENCES "public"."status_labels"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_org_id_registered_till_id_tills_org_id_id_fk" FOREIGN KEY ("org_id","registered_till_id") REFERENCES "public"."tills"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identifiers" ADD CONSTRAINT "identifiers_org_id_source_account_id_source_accounts_org_id_id_fk" FOREIGN KEY ("org_id","source_account_id") REFERENCES "public"."source_accounts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identifiers" ADD CONSTRAINT "identifiers_org_id_series_id_card_series_org_id_id_fk" FOREIGN KEY ("org_id","series_id") REFERENCES "public"."card_series"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_keys" ADD CONSTRAINT "identity_keys_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_enrollments" ADD CONSTRAINT "loyalty_enrollments_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_enrollments" ADD CONSTRAINT "loyalty_enrollments_org_id_program_id_tier_number_loyalty_tiers_org_id_program_id_number_fk" FOREIGN KEY ("org_id","program_id","tier_number") REFERENCES "public"."loyalty_tiers"("org_id","program_id","number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "side_effects" ADD CONSTRAINT "side_effects_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "side_effects" ADD CONSTRAINT "side_effects_org_id_beneficiary_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","beneficiary_customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_accounts" ADD CONSTRAINT "source_accounts_org_id_customer_id_customers_org_id_id_fk" FOREIGN KEY ("org_id","customer_id") REFERENCES "public"."customers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_clients_key_key" ON "api_clients" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "orgs_code_key" ON "orgs" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_email_key" ON "staff_users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "tills_code_key" ON "tills" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "extended_field_catalogue_name_scope_key" ON "extended_field_catalogue" USING btree ("name","scope");--> statement-breakpoint
CREATE UNIQUE INDEX "status_labels_org_name_key" ON "status_labels" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "comm_channels_source_account_idx" ON "comm_channels" USING btree ("org_id","source_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_org_referral_code_key" ON "customers" USING btree ("org_id","referral_code");--> statement-breakpoint
CREATE INDEX "identifiers_org_value_idx" ON "identifiers" USING btree ("org_id","value");--> statement-breakpoint
CREATE INDEX "side_effects_customer_idx" ON "side_effects" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE INDEX "side_effects_beneficiary_idx" ON "side_effects" USING btree ("org_id","beneficiary_customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "side_effects_coupon_code_key" ON "side_effects" USING btree ("org_id","coupon_code") WHERE "side_effects"."coupon_code" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "source_accounts_customer_source_key" ON "source_accounts" USING btree ("org_id","customer_id","source","account_id");--> statement-breakpoint
CREATE INDEX "audit_log_customer_idx" ON "audit_log" USING btree ("org_id","customer_id");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");