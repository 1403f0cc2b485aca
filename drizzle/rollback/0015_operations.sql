-- Undo 0015_operations: metric rollups, alerts, client errors and activity days go with their tables.
DROP TABLE IF EXISTS "activity_days";--> statement-breakpoint
DROP TABLE IF EXISTS "client_errors";--> statement-breakpoint
DROP TABLE IF EXISTS "alerts";--> statement-breakpoint
DROP TABLE IF EXISTS "metric_minutes";
