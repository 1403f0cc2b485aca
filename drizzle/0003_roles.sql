-- Roles and permissions (docs/decisions/006-roles-and-permissions.md). Built-in roles are
-- rows here so production has them without a seed; app/auth/permissions.ts holds the
-- same definitions and tests/integration/roles.test.ts checks they agree.
CREATE TABLE "roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"church_id" uuid,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"permissions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_church_id_churches_id_fk" FOREIGN KEY ("church_id") REFERENCES "public"."churches"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "roles_built_in_key" ON "roles" USING btree ("key") WHERE "roles"."church_id" is null;
--> statement-breakpoint
CREATE UNIQUE INDEX "roles_church_name_key" ON "roles" USING btree ("church_id",lower("name"));
--> statement-breakpoint
INSERT INTO roles (key, name, permissions, built_in) VALUES
  ('member', 'Member', '["view:directory","edit:profile:own","export:data:own","open:ticket","post:forum"]'::jsonb, true),
  ('group_leader', 'Group leader', '["view:directory","edit:profile:own","export:data:own","open:ticket","post:forum","view:leaders-fields:group","manage:roster:group"]'::jsonb, true),
  ('church_admin', 'Church administrator', '["view:directory","view:leaders-fields:any","view:admins-fields:any","edit:profile:own","export:data:own","open:ticket","post:forum","view:leaders-fields:group","manage:roster:group","manage:groups","manage:users","manage:roles","manage:members","import:members","export:members","view:audit","manage:requests","manage:settings"]'::jsonb, true),
  ('support_staff', 'Support staff', '["manage:help","answer:tickets","moderate:forum","open:ticket"]'::jsonb, true),
  ('platform_admin', 'Platform administrator', '["manage:churches","view:operations","view:audit:platform"]'::jsonb, true);
--> statement-breakpoint
-- Existing users and invitations keep their role, now by reference.
ALTER TABLE "users" ADD COLUMN "role_id" uuid;
--> statement-breakpoint
UPDATE "users" SET "role_id" = (SELECT r.id FROM roles r WHERE r.church_id IS NULL AND r.key = "users"."role");
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "role_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "role";
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "role_id" uuid;
--> statement-breakpoint
UPDATE "invitations" SET "role_id" = (SELECT r.id FROM roles r WHERE r.church_id IS NULL AND r.key = "invitations"."role");
--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "role_id" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "invitations" DROP COLUMN "role";
--> statement-breakpoint
CREATE INDEX "users_role_idx" ON "users" USING btree ("role_id");
--> statement-breakpoint
-- Built-in roles are visible from every church; a church reads and writes only its own.
ALTER TABLE roles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE roles FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY church_isolation ON roles
  USING (kapatiran_all_churches() OR church_id = kapatiran_current_church() OR church_id IS NULL)
  WITH CHECK (kapatiran_all_churches() OR church_id = kapatiran_current_church());
