-- Undo 0011_help_center: help content, feedback and tickets are dropped with their tables.
DROP TABLE IF EXISTS "ticket_messages";--> statement-breakpoint
DROP TABLE IF EXISTS "support_tickets";--> statement-breakpoint
DROP TABLE IF EXISTS "help_feedback";--> statement-breakpoint
DROP TABLE IF EXISTS "help_revisions";--> statement-breakpoint
DROP TABLE IF EXISTS "help_articles";--> statement-breakpoint
DROP FUNCTION IF EXISTS kapatiran_help_config(text);--> statement-breakpoint
DROP TEXT SEARCH CONFIGURATION IF EXISTS kapatiran_fil;--> statement-breakpoint
DROP TEXT SEARCH CONFIGURATION IF EXISTS kapatiran_en;--> statement-breakpoint
ALTER TABLE "churches" DROP COLUMN IF EXISTS "privacy_reviewed_at";
