-- Undo 0003_roles: roles become text again (a custom role falls back to member).
ALTER TABLE "users" ADD COLUMN "role" text DEFAULT 'member' NOT NULL;
--> statement-breakpoint
UPDATE "users" SET "role" = CASE WHEN r.built_in THEN r.key ELSE 'member' END FROM roles r WHERE r.id = "users"."role_id";
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "role" text DEFAULT 'member' NOT NULL;
--> statement-breakpoint
UPDATE "invitations" SET "role" = CASE WHEN r.built_in THEN r.key ELSE 'member' END FROM roles r WHERE r.id = "invitations"."role_id";
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "role_id";
--> statement-breakpoint
ALTER TABLE "invitations" DROP COLUMN "role_id";
--> statement-breakpoint
DROP TABLE IF EXISTS roles;
