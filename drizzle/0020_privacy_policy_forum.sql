-- Version 2 of the privacy policy (issue 12): the community forum is a new kind of
-- processing, so "What we keep" / "Ano ang itinatago namin" gains a paragraph on it
-- (docs/data-protection.md, "The privacy policy and the forum"). Done as support staff
-- would in /staff/help and /staff/privacy: a new published revision of the English article,
-- one of its Filipino translation saved against that revision (so it is not out of date),
-- then version 2 pinning both. Every visitor is asked for a cookie choice again.
--
-- Only where the policy is still what 0014 published: version 1 is the newest version and
-- both articles are still at the revisions it pins, with 0014's text (compared by md5 rather
-- than repeated here). An installation whose staff saved or published a policy of their own
-- is left alone: their staff add the paragraph. Like version 1, no publisher and no audit
-- entry: no person published it.
DO $policy$
DECLARE
	v1 policy_versions%ROWTYPE;
	en help_articles%ROWTYPE;
	fil help_articles%ROWTYPE;
BEGIN
	SELECT * INTO v1 FROM policy_versions ORDER BY version DESC LIMIT 1;
	SELECT * INTO en FROM help_articles WHERE slug = 'privacy-policy' AND locale = 'en' AND source_id IS NULL;
	SELECT * INTO fil FROM help_articles WHERE source_id = en.id AND locale = 'fil';
	IF v1.version IS DISTINCT FROM 1
		OR en.revision IS DISTINCT FROM v1.english_revision
		OR en.status IS DISTINCT FROM 'published'
		OR md5(en.body) IS DISTINCT FROM 'a454e50a304e952b8ee39ca354e2a919'
		OR fil.revision IS DISTINCT FROM v1.filipino_revision
		OR fil.status IS DISTINCT FROM 'published'
		OR md5(fil.body) IS DISTINCT FROM 'dc3928d3ae630d079d308387a4aa360e'
	THEN
		RETURN;
	END IF;

	-- The paragraph goes in as a list item before the cookie consent records; the rest is untouched.
	UPDATE help_articles SET
		body = replace(body, $md$
- **Cookie consent records**$md$, $md$
- **Community forum**: the topics and posts you write, under your display name (and your church's name only if you choose to show it), the posts you report and the topics you follow. If your account is deleted, your posts stay in the forum under the name "Former member"; delete a post first if you want it gone.
- **Cookie consent records**$md$),
		revision = revision + 1, updated_by = NULL, updated_at = now()
	WHERE id = en.id
	RETURNING * INTO en;
	INSERT INTO help_revisions (article_id, revision, title, body, status)
	VALUES (en.id, en.revision, en.title, en.body, en.status);

	UPDATE help_articles SET
		body = replace(body, $md$
- **Mga talaan ng pahintulot sa cookie**$md$, $md$
- **Forum ng komunidad**: ang mga paksa at post na isinusulat mo, sa ilalim ng iyong display name (at ang pangalan ng iyong simbahan kung pinili mong ipakita ito), ang mga post na inireport mo at ang mga paksang sinusundan mo. Kapag binura ang iyong account, mananatili sa forum ang iyong mga post sa pangalang "Dating miyembro"; burahin muna ang post kung gusto mong mawala ito.
- **Mga talaan ng pahintulot sa cookie**$md$),
		revision = revision + 1, source_revision = en.revision, updated_by = NULL, updated_at = now()
	WHERE id = fil.id
	RETURNING * INTO fil;
	INSERT INTO help_revisions (article_id, revision, title, body, status)
	VALUES (fil.id, fil.revision, fil.title, fil.body, fil.status);

	INSERT INTO policy_versions (version, english_revision, filipino_revision, summary)
	VALUES (2, en.revision, fil.revision, 'Adds the community forum to "What we keep"');

	-- A published article changed: cached help pages go stale, as after a staff save.
	UPDATE cache_generations SET generation = generation + 1 WHERE scope = 'help';
END $policy$;
