-- Cache generations announced, not only stored (docs/decisions/014-generations-heard-not-read.md).
--
-- Every bump of a generation (migrations 0018, 0019 and below) is announced on the channel
-- "kapatiran_generations" as "<scope> <generation>". PostgreSQL delivers it when the bumping
-- transaction commits, and only then, to every session listening: each app process keeps one,
-- so it knows the current generations without reading them, and a page whose lookups are all
-- cached sends no query. A rolled-back bump is never announced.
CREATE FUNCTION "kapatiran_announce_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('kapatiran_generations', NEW."scope" || ' ' || NEW."generation");
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "cache_generations_announced" AFTER INSERT OR UPDATE ON "cache_generations" FOR EACH ROW EXECUTE FUNCTION "kapatiran_announce_generation"();
--> statement-breakpoint
-- "sessions": bumped whenever sessions end (signing out, "sign out everywhere", deactivation,
-- erasure, housekeeping) or an end or owner is changed, so a process that keeps the sessions it has
-- just read never lets an ended one back in. Starting one (INSERT) and the once-a-minute touch of
-- last_seen_at bump nothing. One bump per statement, and none for a DELETE that ended none.
CREATE FUNCTION "kapatiran_bump_sessions_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	-- Only the DELETE trigger has the transition table; the UPDATE one has a column list, which
	-- PostgreSQL does not allow with one (plpgsql parses the inner statement only when it runs).
	IF TG_OP = 'DELETE' THEN
		IF NOT EXISTS (SELECT 1 FROM "ended_sessions") THEN
			RETURN NULL;
		END IF;
	END IF;
	INSERT INTO "cache_generations" ("scope", "generation") VALUES ('sessions', floor(random() * 1e15)::bigint)
		ON CONFLICT ("scope") DO UPDATE SET "generation" = "cache_generations"."generation" + 1;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "sessions_ended" AFTER DELETE ON "sessions" REFERENCING OLD TABLE AS "ended_sessions" FOR EACH STATEMENT EXECUTE FUNCTION "kapatiran_bump_sessions_generation"();
--> statement-breakpoint
CREATE TRIGGER "sessions_changed" AFTER UPDATE OF "user_id", "expires_at", "id_hash" ON "sessions" FOR EACH STATEMENT EXECUTE FUNCTION "kapatiran_bump_sessions_generation"();
--> statement-breakpoint
-- A member's card shows their household's name, and the card is kept like a directory page (ADR 014):
-- households join the church's directory generation (migration 0019's function).
CREATE TRIGGER "households_directory_added" AFTER INSERT ON "households" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "kapatiran_bump_directory_generation"();
--> statement-breakpoint
CREATE TRIGGER "households_directory_changed" AFTER UPDATE ON "households" REFERENCING NEW TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "kapatiran_bump_directory_generation"();
--> statement-breakpoint
CREATE TRIGGER "households_directory_removed" AFTER DELETE ON "households" REFERENCING OLD TABLE AS "changed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "kapatiran_bump_directory_generation"();
--> statement-breakpoint
-- A random start, like the others: two databases sharing one Redis never meet.
INSERT INTO "cache_generations" ("scope", "generation") VALUES ('sessions', floor(random() * 1e15)::bigint) ON CONFLICT DO NOTHING;
