-- Undo 0017_forum: the community forum's tables, posts included (take a backup first).
DROP TABLE IF EXISTS "forum_subscriptions";--> statement-breakpoint
DROP TABLE IF EXISTS "forum_flags";--> statement-breakpoint
DROP TABLE IF EXISTS "forum_posts";--> statement-breakpoint
DROP TABLE IF EXISTS "forum_topics";--> statement-breakpoint
DROP TABLE IF EXISTS "forum_categories";--> statement-breakpoint
DROP TABLE IF EXISTS "forum_settings";--> statement-breakpoint
DROP TABLE IF EXISTS "forum_authors";
