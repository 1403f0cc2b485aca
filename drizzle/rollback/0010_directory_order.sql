-- Undo 0010_directory_order.
DROP STATISTICS IF EXISTS "members_name_level_stats";--> statement-breakpoint
DROP INDEX IF EXISTS "members_church_directory_order_idx";--> statement-breakpoint
CREATE INDEX "members_church_family_idx" ON "members" USING btree ("church_id","family_name","given_name");
