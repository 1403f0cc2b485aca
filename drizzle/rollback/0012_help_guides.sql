-- Undo 0012_help_guides: delete the seeded guides and FAQ by slug. Their
-- Filipino rows, revisions and feedback go with them (foreign keys cascade).
DELETE FROM help_articles WHERE slug IN (
  'getting-started',
  'finding-members',
  'editing-your-profile',
  'choosing-who-sees-your-details',
  'administrator-guide',
  'managing-users-and-roles',
  'managing-member-records',
  'importing-members',
  'groups-and-leaders',
  'reading-the-audit-log',
  'church-settings',
  'contacting-support',
  'training-videos',
  'writing-help-articles',
  'answering-tickets',
  'faq-who-can-see-my-phone',
  'faq-hide-from-directory',
  'faq-cannot-sign-in',
  'faq-change-language',
  'faq-data-saver',
  'faq-export-my-data',
  'faq-invite-someone',
  'faq-import-from-planning-center',
  'faq-contact-support'
);
