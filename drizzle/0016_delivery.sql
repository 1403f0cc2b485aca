CREATE TABLE "deployments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action" text NOT NULL,
	"release" text NOT NULL,
	"commit" text,
	"slot" text NOT NULL,
	"migration_level" text,
	"outcome" text NOT NULL,
	"detail" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text
);
--> statement-breakpoint
CREATE TABLE "maintenance_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"note_en" text,
	"note_fil" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "maintenance_windows_order" CHECK ("maintenance_windows"."ends_at" > "maintenance_windows"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "read_only_mode" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"reason" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" text,
	CONSTRAINT "read_only_mode_single_row" CHECK ("read_only_mode"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "status_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"severity" text DEFAULT 'info' NOT NULL,
	"message_en" text NOT NULL,
	"message_fil" text,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"posted_by" text,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "deployments_finished_idx" ON "deployments" USING btree ("finished_at");--> statement-breakpoint
CREATE INDEX "maintenance_windows_ends_idx" ON "maintenance_windows" USING btree ("ends_at");--> statement-breakpoint
CREATE INDEX "status_notices_posted_idx" ON "status_notices" USING btree ("posted_at");--> statement-breakpoint
-- The read-only switch always has its one row, off: readers never see "no row".
INSERT INTO "read_only_mode" ("id", "enabled") VALUES (1, false) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Platform administrators run maintenance: the read-only switch, windows and status notices.
UPDATE "roles" SET "permissions" = "permissions" || '["manage:maintenance"]'::jsonb, "updated_at" = now()
  WHERE "key" = 'platform_admin' AND "church_id" IS NULL AND NOT "permissions" ? 'manage:maintenance';
