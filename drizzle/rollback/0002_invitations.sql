-- Undo 0002_invitations.
DROP TABLE IF EXISTS invitations;
--> statement-breakpoint
ALTER TABLE users ALTER COLUMN status SET DEFAULT 'invited';
