-- Help center and support tickets (issue 6).
--
-- Help search is PostgreSQL full-text search. English articles use the
-- English configuration (stemming: "choosing" finds "choose"); Filipino has no
-- stemmer in PostgreSQL, so Filipino articles use the simple configuration
-- (whole words, lower case). Both drop accents first (unaccent, migration
-- 0004), so "pañgalan" and "pangalan" meet. kapatiran_help_config picks the
-- configuration for a row's language; the generated `search` column and the
-- query side (app/models/help.server.ts) both call it.
CREATE TEXT SEARCH CONFIGURATION kapatiran_en (COPY = english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION kapatiran_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION kapatiran_fil (COPY = simple);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION kapatiran_fil ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;--> statement-breakpoint
CREATE FUNCTION kapatiran_help_config(locale text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  SET search_path = public, pg_temp
  AS $$ SELECT CASE WHEN locale = 'fil' THEN 'kapatiran_fil'::regconfig ELSE 'kapatiran_en'::regconfig END $$;--> statement-breakpoint
CREATE TABLE "help_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid,
	"locale" text NOT NULL,
	"kind" text DEFAULT 'article' NOT NULL,
	"slug" text NOT NULL,
	"category" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"source_revision" integer,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector(kapatiran_help_config(locale), title), 'A') || setweight(to_tsvector(kapatiran_help_config(locale), body), 'B')) STORED,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"helpful" boolean NOT NULL,
	"comment" text,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"church_id" uuid NOT NULL,
	"requester_id" uuid,
	"subject" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"priority" boolean DEFAULT false NOT NULL,
	"screenshot_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"church_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"author_id" uuid,
	"from_staff" boolean DEFAULT false NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "churches" ADD COLUMN "privacy_reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "help_articles" ADD CONSTRAINT "help_articles_source_id_help_articles_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."help_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_articles" ADD CONSTRAINT "help_articles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_feedback" ADD CONSTRAINT "help_feedback_article_id_help_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."help_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_feedback" ADD CONSTRAINT "help_feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_revisions" ADD CONSTRAINT "help_revisions_article_id_help_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."help_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_revisions" ADD CONSTRAINT "help_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_church_id_churches_id_fk" FOREIGN KEY ("church_id") REFERENCES "public"."churches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_tickets" ADD CONSTRAINT "support_tickets_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_church_id_churches_id_fk" FOREIGN KEY ("church_id") REFERENCES "public"."churches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_ticket_id_support_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."support_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "help_articles_slug_locale_key" ON "help_articles" USING btree ("slug","locale");--> statement-breakpoint
CREATE UNIQUE INDEX "help_articles_source_locale_key" ON "help_articles" USING btree ("source_id","locale");--> statement-breakpoint
CREATE INDEX "help_articles_search_idx" ON "help_articles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "help_feedback_article_idx" ON "help_feedback" USING btree ("article_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "help_revisions_article_revision_key" ON "help_revisions" USING btree ("article_id","revision");--> statement-breakpoint
CREATE INDEX "support_tickets_church_requester_idx" ON "support_tickets" USING btree ("church_id","requester_id");--> statement-breakpoint
CREATE INDEX "support_tickets_status_updated_idx" ON "support_tickets" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "ticket_messages_ticket_created_idx" ON "ticket_messages" USING btree ("ticket_id","created_at");--> statement-breakpoint
-- Tickets belong to a church: same isolation as every church-owned table
-- (0001, in the initplan form of 0007). Staff read them across churches.
ALTER TABLE support_tickets ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE support_tickets FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY church_isolation ON support_tickets
  USING ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()))
  WITH CHECK ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()));--> statement-breakpoint
ALTER TABLE ticket_messages ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE ticket_messages FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY church_isolation ON ticket_messages
  USING ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()))
  WITH CHECK ((SELECT kapatiran_all_churches()) OR church_id = (SELECT kapatiran_current_church()));
