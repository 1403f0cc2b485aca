-- Tenant isolation in the database itself (docs/decisions/002-tenant-isolation.md).
-- The app serves every request as `kapatiran_app`, a role that owns no tables, so
-- row-level security always applies to it. The church is chosen per transaction with
-- set_config('kapatiran.church_id', …, true); platform work that must span churches
-- (sign-in, the platform console) sets 'kapatiran.all_churches' = 'on' instead.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kapatiran_app') THEN
    CREATE ROLE kapatiran_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END
$$;
--> statement-breakpoint
-- The migrating user may switch to the serving role (superusers may anyway).
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT kapatiran_app TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO kapatiran_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO kapatiran_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO kapatiran_app;
--> statement-breakpoint
-- Tables created by later migrations get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO kapatiran_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO kapatiran_app;
--> statement-breakpoint
-- The audit log is append-only for the app.
REVOKE UPDATE, DELETE ON audit_log FROM kapatiran_app;
--> statement-breakpoint
CREATE FUNCTION kapatiran_current_church() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('kapatiran.church_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE FUNCTION kapatiran_all_churches() RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(current_setting('kapatiran.all_churches', true), '') = 'on' $$;
--> statement-breakpoint
ALTER TABLE churches ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE churches FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY church_isolation ON churches
  USING (kapatiran_all_churches() OR id = kapatiran_current_church())
  WITH CHECK (kapatiran_all_churches() OR id = kapatiran_current_church());
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY church_isolation ON users
  USING (kapatiran_all_churches() OR church_id = kapatiran_current_church())
  WITH CHECK (kapatiran_all_churches() OR church_id = kapatiran_current_church());
--> statement-breakpoint
ALTER TABLE households ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE households FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY church_isolation ON households
  USING (kapatiran_all_churches() OR church_id = kapatiran_current_church())
  WITH CHECK (kapatiran_all_churches() OR church_id = kapatiran_current_church());
--> statement-breakpoint
ALTER TABLE members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE members FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY church_isolation ON members
  USING (kapatiran_all_churches() OR church_id = kapatiran_current_church())
  WITH CHECK (kapatiran_all_churches() OR church_id = kapatiran_current_church());
--> statement-breakpoint
ALTER TABLE groups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE groups FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY church_isolation ON groups
  USING (kapatiran_all_churches() OR church_id = kapatiran_current_church())
  WITH CHECK (kapatiran_all_churches() OR church_id = kapatiran_current_church());
--> statement-breakpoint
ALTER TABLE group_memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE group_memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY church_isolation ON group_memberships
  USING (kapatiran_all_churches() OR church_id = kapatiran_current_church())
  WITH CHECK (kapatiran_all_churches() OR church_id = kapatiran_current_church());
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY church_isolation ON audit_log
  USING (kapatiran_all_churches() OR church_id = kapatiran_current_church())
  WITH CHECK (kapatiran_all_churches() OR church_id = kapatiran_current_church());
