-- Undo 0007_rls_initplan: the per-row form of 0001/0002/0003/0005.
ALTER POLICY church_isolation ON users
  USING (kapatiran_all_churches() OR church_id = kapatiran_current_church())
  WITH CHECK (kapatiran_all_churches() OR church_id = kapatiran_current_church());
--> statement-breakpoint
ALTER POLICY church_isolation ON households
  USING (kapatiran_all_churches() OR church_id = kapatiran_current_church())
  WITH CHECK (kapatiran_all_churches() OR church_id = kapatiran_current_church());
--> statement-breakpoint
ALTER POLICY church_isolation ON members
  USING (kapatiran_all_churches() OR church_id = kapatiran_current_church())
  WITH CHECK (kapatiran_all_churches() OR church_id = kapatiran_current_church());
--> statement-breakpoint
ALTER POLICY church_isolation ON groups
  USING (kapatiran_all_churches() OR church_id = kapatiran_current_church())
  WITH CHECK (kapatiran_all_churches() OR church_id = kapatiran_current_church());
--> statement-breakpoint
ALTER POLICY church_isolation ON group_memberships
  USING (kapatiran_all_churches() OR church_id = kapatiran_current_church())
  WITH CHECK (kapatiran_all_churches() OR church_id = kapatiran_current_church());
--> statement-breakpoint
ALTER POLICY church_isolation ON audit_log
  USING (kapatiran_all_churches() OR church_id = kapatiran_current_church())
  WITH CHECK (kapatiran_all_churches() OR church_id = kapatiran_current_church());
--> statement-breakpoint
ALTER POLICY church_isolation ON invitations
  USING (kapatiran_all_churches() OR church_id = kapatiran_current_church())
  WITH CHECK (kapatiran_all_churches() OR church_id = kapatiran_current_church());
--> statement-breakpoint
ALTER POLICY church_isolation ON member_imports
  USING (kapatiran_all_churches() OR church_id = kapatiran_current_church())
  WITH CHECK (kapatiran_all_churches() OR church_id = kapatiran_current_church());
--> statement-breakpoint
ALTER POLICY church_isolation ON churches
  USING (kapatiran_all_churches() OR id = kapatiran_current_church())
  WITH CHECK (kapatiran_all_churches() OR id = kapatiran_current_church());
--> statement-breakpoint
ALTER POLICY church_isolation ON roles
  USING (kapatiran_all_churches() OR church_id = kapatiran_current_church() OR church_id IS NULL)
  WITH CHECK (kapatiran_all_churches() OR church_id = kapatiran_current_church());
