-- Undo 0022_generations_announced: generations are stored but no longer announced, ending a
-- session bumps nothing, and neither does a household. Processes still running the new code stop hearing bumps and read every
-- generation from the table again (their feed only trusts what it heard in the last 10 seconds).
DROP TRIGGER IF EXISTS "households_directory_added" ON "households";--> statement-breakpoint
DROP TRIGGER IF EXISTS "households_directory_changed" ON "households";--> statement-breakpoint
DROP TRIGGER IF EXISTS "households_directory_removed" ON "households";--> statement-breakpoint
DROP TRIGGER IF EXISTS "sessions_changed" ON "sessions";--> statement-breakpoint
DROP TRIGGER IF EXISTS "sessions_ended" ON "sessions";--> statement-breakpoint
DROP TRIGGER IF EXISTS "cache_generations_announced" ON "cache_generations";--> statement-breakpoint
DROP FUNCTION IF EXISTS "kapatiran_bump_sessions_generation_on_change"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "kapatiran_bump_sessions_generation"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "kapatiran_announce_generation"();--> statement-breakpoint
DELETE FROM "cache_generations" WHERE "scope" = 'sessions';
