-- Undo 0013_privacy_compliance: consent records, requests and retention runs go with their tables.
DROP TABLE IF EXISTS "retention_runs";--> statement-breakpoint
DROP TABLE IF EXISTS "data_requests";--> statement-breakpoint
DROP TABLE IF EXISTS "consent_records";--> statement-breakpoint
DROP TABLE IF EXISTS "policy_versions";
