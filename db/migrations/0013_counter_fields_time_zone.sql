ALTER TABLE "custom_fields" ADD COLUMN "at_counter" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "org_extended_field_settings" ADD COLUMN "label" text;--> statement-breakpoint
ALTER TABLE "org_extended_field_settings" ADD COLUMN "at_counter" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_configs" ADD COLUMN "time_zone" text;