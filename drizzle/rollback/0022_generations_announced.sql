-- Undo 0022_generations_announced: generations are stored but no longer announced, ending a
-- session bumps nothing, and neither does a household. Run with the release before it (as
-- scripts/rollback does): a process of this release left running hears nothing more, so it would
-- see other processes' changes up to 10 seconds late (what its feed trusts without news).
DROP TRIGGER IF EXISTS "households_directory_added" ON "households";--> statement-breakpoint
DROP TRIGGER IF EXISTS "households_directory_changed" ON "households";--> statement-breakpoint
DROP TRIGGER IF EXISTS "households_directory_removed" ON "households";--> statement-breakpoint
DROP TRIGGER IF EXISTS "sessions_changed" ON "sessions";--> statement-breakpoint
DROP TRIGGER IF EXISTS "sessions_ended" ON "sessions";--> statement-breakpoint
DROP TRIGGER IF EXISTS "cache_generations_announced" ON "cache_generations";--> statement-breakpoint
DROP FUNCTION IF EXISTS "kapatiran_bump_sessions_generation"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "kapatiran_announce_generation"();--> statement-breakpoint
DELETE FROM "cache_generations" WHERE "scope" = 'sessions';
