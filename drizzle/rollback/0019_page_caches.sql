-- Undo 0019_page_caches: the triggers that bump the directory and accounts generations.
DROP TRIGGER IF EXISTS "members_directory_added" ON "members";--> statement-breakpoint
DROP TRIGGER IF EXISTS "members_directory_changed" ON "members";--> statement-breakpoint
DROP TRIGGER IF EXISTS "members_directory_removed" ON "members";--> statement-breakpoint
DROP TRIGGER IF EXISTS "groups_directory_added" ON "groups";--> statement-breakpoint
DROP TRIGGER IF EXISTS "groups_directory_changed" ON "groups";--> statement-breakpoint
DROP TRIGGER IF EXISTS "groups_directory_removed" ON "groups";--> statement-breakpoint
DROP TRIGGER IF EXISTS "group_memberships_directory_added" ON "group_memberships";--> statement-breakpoint
DROP TRIGGER IF EXISTS "group_memberships_directory_changed" ON "group_memberships";--> statement-breakpoint
DROP TRIGGER IF EXISTS "group_memberships_directory_removed" ON "group_memberships";--> statement-breakpoint
DROP TRIGGER IF EXISTS "users_accounts_changed" ON "users";--> statement-breakpoint
DROP TRIGGER IF EXISTS "users_accounts_removed" ON "users";--> statement-breakpoint
DROP TRIGGER IF EXISTS "roles_accounts_changed" ON "roles";--> statement-breakpoint
DROP TRIGGER IF EXISTS "churches_accounts_changed" ON "churches";--> statement-breakpoint
DROP FUNCTION IF EXISTS "kapatiran_bump_directory_generation"();--> statement-breakpoint
DROP FUNCTION IF EXISTS "kapatiran_bump_accounts_generation"();--> statement-breakpoint
DELETE FROM "cache_generations" WHERE "scope" = 'accounts' OR "scope" LIKE 'directory:%';
