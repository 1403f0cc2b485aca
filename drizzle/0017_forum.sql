CREATE TABLE "forum_authors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"display_name" text NOT NULL,
	"church_name" text,
	"show_church" boolean DEFAULT false NOT NULL,
	"approved_posts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_authors_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "forum_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name_en" text NOT NULL,
	"name_fil" text,
	"description_en" text,
	"description_fil" text,
	"for_questions" boolean DEFAULT false NOT NULL,
	"staff_only" boolean DEFAULT false NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_categories_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "forum_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"flagged_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution" text
);
--> statement-breakpoint
CREATE TABLE "forum_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"topic_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"opening" boolean DEFAULT false NOT NULL,
	"body" text NOT NULL,
	"quoted_post_id" uuid,
	"state" text DEFAULT 'published' NOT NULL,
	"moderation_reason" text,
	"moderated_by" uuid,
	"moderated_at" timestamp with time zone,
	"edited_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"approve_first_posts" smallint DEFAULT 0 NOT NULL,
	"posts_per_hour" smallint DEFAULT 20 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "forum_settings_single_row" CHECK ("forum_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "forum_subscriptions" (
	"topic_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"token" text NOT NULL,
	"last_notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forum_subscriptions_topic_id_author_id_pk" PRIMARY KEY("topic_id","author_id"),
	CONSTRAINT "forum_subscriptions_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "forum_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"title" text NOT NULL,
	"state" text DEFAULT 'visible' NOT NULL,
	"pinned" boolean DEFAULT false NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"answer_post_id" uuid,
	"reply_count" integer DEFAULT 0 NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "forum_authors" ADD CONSTRAINT "forum_authors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_flags" ADD CONSTRAINT "forum_flags_post_id_forum_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_flags" ADD CONSTRAINT "forum_flags_flagged_by_forum_authors_id_fk" FOREIGN KEY ("flagged_by") REFERENCES "public"."forum_authors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_flags" ADD CONSTRAINT "forum_flags_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_posts" ADD CONSTRAINT "forum_posts_topic_id_forum_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."forum_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_posts" ADD CONSTRAINT "forum_posts_author_id_forum_authors_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."forum_authors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_posts" ADD CONSTRAINT "forum_posts_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_settings" ADD CONSTRAINT "forum_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_subscriptions" ADD CONSTRAINT "forum_subscriptions_topic_id_forum_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."forum_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_subscriptions" ADD CONSTRAINT "forum_subscriptions_author_id_forum_authors_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."forum_authors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_topics" ADD CONSTRAINT "forum_topics_category_id_forum_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."forum_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_topics" ADD CONSTRAINT "forum_topics_author_id_forum_authors_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."forum_authors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "forum_categories_position_idx" ON "forum_categories" USING btree ("position");--> statement-breakpoint
CREATE INDEX "forum_flags_open_idx" ON "forum_flags" USING btree ("resolved_at","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_flags_one_open_idx" ON "forum_flags" USING btree ("post_id","flagged_by") WHERE "forum_flags"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "forum_posts_topic_created_idx" ON "forum_posts" USING btree ("topic_id","created_at");--> statement-breakpoint
CREATE INDEX "forum_posts_author_idx" ON "forum_posts" USING btree ("author_id","created_at");--> statement-breakpoint
CREATE INDEX "forum_posts_state_idx" ON "forum_posts" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "forum_posts_body_trgm_idx" ON "forum_posts" USING gin ("body" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "forum_topics_category_activity_idx" ON "forum_topics" USING btree ("category_id","pinned","last_activity_at");--> statement-breakpoint
CREATE INDEX "forum_topics_activity_idx" ON "forum_topics" USING btree ("last_activity_at");--> statement-breakpoint
CREATE INDEX "forum_topics_title_trgm_idx" ON "forum_topics" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
-- The forum settings always have their one row: approval of first posts off, 20 posts an hour.
INSERT INTO "forum_settings" ("id") VALUES (1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- The categories every forum starts with; staff rename, add and archive them later.
INSERT INTO "forum_categories" ("slug", "name_en", "name_fil", "description_en", "description_fil", "for_questions", "staff_only", "position") VALUES
  ('questions', 'Questions', 'Mga tanong', 'How do I…? Ask other churches and support staff.', 'Paano ko…? Magtanong sa ibang simbahan at sa support staff.', true, false, 1),
  ('ideas', 'Ideas', 'Mga mungkahi', 'Features you would like in Kapatiran.', 'Mga feature na gusto ninyo sa Kapatiran.', false, false, 2),
  ('tips', 'Tips', 'Mga payo', 'What worked for your church.', 'Ang gumana sa inyong simbahan.', false, false, 3),
  ('announcements', 'Announcements', 'Mga anunsiyo', 'News from the Kapatiran team.', 'Balita mula sa Kapatiran team.', false, true, 4)
ON CONFLICT DO NOTHING;
