-- Shared-cache generations (docs/decisions/010-shared-cache.md): an edit of published help
-- bumps "help" in its own transaction, so every app process (blue and green, Redis or not)
-- files and finds cached help under the new number once the edit commits.
CREATE TABLE "cache_generations" (
	"scope" text PRIMARY KEY NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Starts at a random number, not 0: two databases sharing one Redis (staging and production,
-- parallel test runs, a database restored from a backup) never file copies under the same key.
INSERT INTO "cache_generations" ("scope", "generation") VALUES ('help', floor(random() * 1e15)::bigint) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- The directory's count read every member of a large church from the table (~10 ms for
-- 10,000, a sequential scan when the church is most of the table), evaluating the jsonb
-- privacy->>'name' per row. With the name's level as a plain column, one narrow partial
-- index holds every column the directory's filter reads: the count is an index-only scan
-- (~2 ms). INCLUDE (id), which drizzle's schema cannot say, lets a group filter join the
-- group's members against that index too. tests/integration/query-plans.test.ts fails on a
-- sequential scan of members.
ALTER TABLE "members" ADD COLUMN "name_level" text GENERATED ALWAYS AS (privacy ->> 'name') STORED;
--> statement-breakpoint
CREATE INDEX "members_directory_filter_idx" ON "members" USING btree ("church_id","name_level","listed","user_id") INCLUDE ("id") WHERE deleted_at is null;
--> statement-breakpoint
ANALYZE "members";
