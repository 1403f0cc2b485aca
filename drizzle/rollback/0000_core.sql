-- Undo 0000_core: drop the tenancy core, children before parents.
DROP TABLE IF EXISTS audit_log;
--> statement-breakpoint
DROP TABLE IF EXISTS sessions;
--> statement-breakpoint
DROP TABLE IF EXISTS group_memberships;
--> statement-breakpoint
DROP TABLE IF EXISTS groups;
--> statement-breakpoint
DROP TABLE IF EXISTS members;
--> statement-breakpoint
DROP TABLE IF EXISTS households;
--> statement-breakpoint
DROP TABLE IF EXISTS users;
--> statement-breakpoint
DROP TABLE IF EXISTS churches;
