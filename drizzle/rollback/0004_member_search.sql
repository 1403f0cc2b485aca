-- Undo 0004_member_search. The extensions stay: other objects may use them.
DROP INDEX IF EXISTS members_search_name_idx;
--> statement-breakpoint
DROP FUNCTION IF EXISTS kapatiran_search_text(text);
