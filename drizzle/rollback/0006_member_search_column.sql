-- Undo 0006_member_search_column: back to 0004's expression index.
DROP FUNCTION IF EXISTS kapatiran_matching_members(text);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS members_search_name_idx ON members
  USING gin (kapatiran_search_text(given_name || ' ' || family_name) gin_trgm_ops);
--> statement-breakpoint
DROP INDEX IF EXISTS members_search_name_trgm_idx;
--> statement-breakpoint
ALTER TABLE "members" DROP COLUMN IF EXISTS "search_name";
