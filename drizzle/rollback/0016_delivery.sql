-- Undo 0016_delivery: read-only switch, maintenance windows, status notices and the deploy record go with their tables.
UPDATE "roles" SET "permissions" = "permissions" - 'manage:maintenance', "updated_at" = now() WHERE "key" = 'platform_admin' AND "church_id" IS NULL;--> statement-breakpoint
DROP TABLE IF EXISTS "status_notices";--> statement-breakpoint
DROP TABLE IF EXISTS "read_only_mode";--> statement-breakpoint
DROP TABLE IF EXISTS "maintenance_windows";--> statement-breakpoint
DROP TABLE IF EXISTS "deployments";
