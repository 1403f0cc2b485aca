CREATE TABLE "member_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"church_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"file_name" text NOT NULL,
	"csv" text NOT NULL,
	"mapping" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "member_imports" ADD CONSTRAINT "member_imports_church_id_churches_id_fk" FOREIGN KEY ("church_id") REFERENCES "public"."churches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_imports" ADD CONSTRAINT "member_imports_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_imports_church_created_idx" ON "member_imports" USING btree ("church_id","created_at");--> statement-breakpoint
-- Uploads belong to a church: same isolation as every church-owned table (0001).
ALTER TABLE member_imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE member_imports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY church_isolation ON member_imports
  USING (kapatiran_all_churches() OR church_id = kapatiran_current_church())
  WITH CHECK (kapatiran_all_churches() OR church_id = kapatiran_current_church());
