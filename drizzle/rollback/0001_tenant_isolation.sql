-- Undo 0001_tenant_isolation. The role itself is cluster-wide and may serve other
-- databases on the same server, so it stays; only this database's grants go.
DROP POLICY IF EXISTS church_isolation ON audit_log;
--> statement-breakpoint
ALTER TABLE audit_log NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS church_isolation ON group_memberships;
--> statement-breakpoint
ALTER TABLE group_memberships NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE group_memberships DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS church_isolation ON groups;
--> statement-breakpoint
ALTER TABLE groups NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE groups DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS church_isolation ON members;
--> statement-breakpoint
ALTER TABLE members NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE members DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS church_isolation ON households;
--> statement-breakpoint
ALTER TABLE households NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE households DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS church_isolation ON users;
--> statement-breakpoint
ALTER TABLE users NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP POLICY IF EXISTS church_isolation ON churches;
--> statement-breakpoint
ALTER TABLE churches NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE churches DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP FUNCTION IF EXISTS kapatiran_all_churches();
--> statement-breakpoint
DROP FUNCTION IF EXISTS kapatiran_current_church();
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM kapatiran_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM kapatiran_app;
--> statement-breakpoint
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM kapatiran_app;
--> statement-breakpoint
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM kapatiran_app;
--> statement-breakpoint
REVOKE USAGE ON SCHEMA public FROM kapatiran_app;
