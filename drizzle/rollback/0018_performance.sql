-- Undo 0018_performance: the directory filter index and its column, and the cache generations.
DROP INDEX IF EXISTS "members_directory_filter_idx";--> statement-breakpoint
ALTER TABLE "members" DROP COLUMN IF EXISTS "name_level";--> statement-breakpoint
DROP TABLE IF EXISTS "cache_generations";
