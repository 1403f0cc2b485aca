-- Undo 0014_privacy_policy: the policy versions, then the privacy-policy
-- article (its Filipino row and revisions go with it: foreign keys cascade).
DELETE FROM policy_versions;--> statement-breakpoint
DELETE FROM help_articles WHERE slug = 'privacy-policy';
