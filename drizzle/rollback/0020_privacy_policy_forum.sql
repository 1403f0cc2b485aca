-- Undo 0020_privacy_policy_forum where the policy is still as 0020 left it: version 2 is
-- the newest and is 0020's, and neither article was saved since. Version 2 and the two
-- revisions go, and both articles return to the revisions version 1 pins. Anything staff
-- did since stays as it is: the previous release shows any version.
DO $policy$
DECLARE
	v1 policy_versions%ROWTYPE;
	v2 policy_versions%ROWTYPE;
	en help_articles%ROWTYPE;
	fil help_articles%ROWTYPE;
BEGIN
	SELECT * INTO v2 FROM policy_versions ORDER BY version DESC LIMIT 1;
	SELECT * INTO v1 FROM policy_versions WHERE version = 1;
	SELECT * INTO en FROM help_articles WHERE slug = 'privacy-policy' AND locale = 'en' AND source_id IS NULL;
	SELECT * INTO fil FROM help_articles WHERE source_id = en.id AND locale = 'fil';
	IF v2.version IS DISTINCT FROM 2
		OR v2.summary IS DISTINCT FROM 'Adds the community forum to "What we keep"'
		OR v2.published_by IS NOT NULL
		OR en.revision IS DISTINCT FROM v2.english_revision
		OR fil.revision IS DISTINCT FROM v2.filipino_revision
	THEN
		RETURN;
	END IF;

	DELETE FROM policy_versions WHERE version = 2;
	DELETE FROM help_revisions
	WHERE (article_id = en.id AND revision = en.revision) OR (article_id = fil.id AND revision = fil.revision);
	UPDATE help_articles a SET title = r.title, body = r.body, revision = r.revision, updated_at = now()
	FROM help_revisions r
	WHERE a.id = en.id AND r.article_id = en.id AND r.revision = v1.english_revision;
	UPDATE help_articles a SET title = r.title, body = r.body, revision = r.revision,
		source_revision = v1.english_revision, updated_at = now()
	FROM help_revisions r
	WHERE a.id = fil.id AND r.article_id = fil.id AND r.revision = v1.filipino_revision;

	UPDATE cache_generations SET generation = generation + 1 WHERE scope = 'help';
END $policy$;
