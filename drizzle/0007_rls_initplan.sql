-- Faster row-level security, same rules. Wrapping the setting lookups in a scalar
-- subquery makes PostgreSQL evaluate them once per query (an InitPlan) instead of
-- once per row; on a 10,000-member church that is most of a directory page's time.
-- New church-owned tables copy this form of the policy.
ALTER POLICY church_isolation ON users
  USING ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()))
  WITH CHECK ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()));
--> statement-breakpoint
ALTER POLICY church_isolation ON households
  USING ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()))
  WITH CHECK ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()));
--> statement-breakpoint
ALTER POLICY church_isolation ON members
  USING ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()))
  WITH CHECK ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()));
--> statement-breakpoint
ALTER POLICY church_isolation ON groups
  USING ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()))
  WITH CHECK ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()));
--> statement-breakpoint
ALTER POLICY church_isolation ON group_memberships
  USING ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()))
  WITH CHECK ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()));
--> statement-breakpoint
ALTER POLICY church_isolation ON audit_log
  USING ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()))
  WITH CHECK ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()));
--> statement-breakpoint
ALTER POLICY church_isolation ON invitations
  USING ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()))
  WITH CHECK ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()));
--> statement-breakpoint
ALTER POLICY church_isolation ON member_imports
  USING ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()))
  WITH CHECK ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()));
--> statement-breakpoint
ALTER POLICY church_isolation ON churches
  USING ((SELECT kapatiran_all_churches()) OR id = (SELECT kapatiran_current_church()))
  WITH CHECK ((SELECT kapatiran_all_churches()) OR id = (SELECT kapatiran_current_church()));
--> statement-breakpoint
ALTER POLICY church_isolation ON roles
  USING ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()) OR church_id IS NULL)
  WITH CHECK ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()));
