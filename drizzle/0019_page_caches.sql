-- Generations for two per-request lookups the app caches (docs/decisions/011-page-caches.md),
-- bumped by triggers so that no code path that changes the rows can forget to:
--
-- * "directory:<church id>": a church's members, groups and group memberships. The directory
--   keeps its count, the church's groups and the viewer's led groups under it (a count of
--   10,000 members costs ~4 ms of PostgreSQL per page view; the cached copy nothing).
-- * "accounts": users, roles and churches — the signed-in user's role, permissions and status
--   (the permission lookup every request makes). Deactivating a user or changing a role's
--   permissions bumps it in the same transaction, so no process serves the old answer once
--   that commits: revocation stays immediate. Sessions are still read on every request.
--
-- Statement-level triggers with transition tables: one bump per church a statement touches,
-- however many rows (an import of 10,000 members bumps once).
CREATE FUNCTION "kapatiran_bump_directory_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "cache_generations" ("scope", "generation")
		SELECT 'directory:' || "church_id", floor(random() * 1e15)::bigint FROM (SELECT DISTINCT "church_id" FROM "changed_rows") AS "churches"
		ON CONFLICT ("scope") DO UPDATE SET "generation" = "cache_generations"."generation" + 1;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "kapatiran_bump_accounts_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "cache_generations" ("scope", "generation") VALUES ('accounts', floor(random() * 1e15)::bigint)
		ON CONFLICT ("scope") DO UPDATE SET "generation" = "cache_generations"."generation" + 1;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "members_directory_added" AFTER INSERT ON "members" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "kapatiran_bump_directory_generation"();
--> statement-breakpoint
CREATE TRIGGER "members_directory_changed" AFTER UPDATE ON "members" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "kapatiran_bump_directory_generation"();
--> statement-breakpoint
CREATE TRIGGER "members_directory_removed" AFTER DELETE ON "members" REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "kapatiran_bump_directory_generation"();
--> statement-breakpoint
CREATE TRIGGER "groups_directory_added" AFTER INSERT ON "groups" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "kapatiran_bump_directory_generation"();
--> statement-breakpoint
CREATE TRIGGER "groups_directory_changed" AFTER UPDATE ON "groups" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "kapatiran_bump_directory_generation"();
--> statement-breakpoint
CREATE TRIGGER "groups_directory_removed" AFTER DELETE ON "groups" REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "kapatiran_bump_directory_generation"();
--> statement-breakpoint
CREATE TRIGGER "group_memberships_directory_added" AFTER INSERT ON "group_memberships" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "kapatiran_bump_directory_generation"();
--> statement-breakpoint
CREATE TRIGGER "group_memberships_directory_changed" AFTER UPDATE ON "group_memberships" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "kapatiran_bump_directory_generation"();
--> statement-breakpoint
CREATE TRIGGER "group_memberships_directory_removed" AFTER DELETE ON "group_memberships" REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "kapatiran_bump_directory_generation"();
--> statement-breakpoint
-- Only the columns a signed-in user's lookup reads: signing in (last_sign_in_at) bumps nothing.
CREATE TRIGGER "users_accounts_changed" AFTER UPDATE OF "email", "display_name", "role_id", "status", "locale", "church_id" ON "users" FOR EACH STATEMENT EXECUTE FUNCTION "kapatiran_bump_accounts_generation"();
--> statement-breakpoint
CREATE TRIGGER "users_accounts_removed" AFTER DELETE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION "kapatiran_bump_accounts_generation"();
--> statement-breakpoint
CREATE TRIGGER "roles_accounts_changed" AFTER UPDATE OR DELETE ON "roles" FOR EACH STATEMENT EXECUTE FUNCTION "kapatiran_bump_accounts_generation"();
--> statement-breakpoint
CREATE TRIGGER "churches_accounts_changed" AFTER UPDATE OF "name", "slug" OR DELETE ON "churches" FOR EACH STATEMENT EXECUTE FUNCTION "kapatiran_bump_accounts_generation"();
--> statement-breakpoint
-- A random start, like "help" (migration 0018): two databases sharing one Redis never meet.
INSERT INTO "cache_generations" ("scope", "generation") VALUES ('accounts', floor(random() * 1e15)::bigint) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "cache_generations" ("scope", "generation") SELECT 'directory:' || "id", floor(random() * 1e15)::bigint FROM "churches" ON CONFLICT DO NOTHING;
