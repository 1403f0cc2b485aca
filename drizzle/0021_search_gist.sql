-- The name search through a GiST trigram index instead of GIN. A GIN index
-- reads the whole list of rows for each trigram of the query, and common
-- trigrams ("del", "ela", "san") are in hundreds of names: "dela cruz" took
-- 12 ms of PostgreSQL in a 10,000-member church, most of a search's cost. A
-- GiST index walks a tree of name signatures instead: 2–3 ms for the same
-- rows. btree_gist (trusted, like btree_gin) lets the church's uuid lead the
-- index, so the function compares the church as a uuid again (0009 compared it
-- as text to keep the planner off the btree indexes, which left the church
-- out of the GIN scan).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE INDEX "members_church_search_gist_idx" ON "members" USING gist ("church_id","search_name" gist_trgm_ops);
--> statement-breakpoint
DROP INDEX IF EXISTS "members_church_search_idx";
--> statement-breakpoint
-- Same rows as 0009; the church as a uuid, so both columns of the index are used.
CREATE OR REPLACE FUNCTION kapatiran_matching_members(query text) RETURNS TABLE (member_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER ROWS 20
  SET search_path = public, pg_temp
  SET enable_seqscan = off
  AS $$
    SELECT m.id
    FROM members m
    WHERE (m.search_name LIKE '%' || replace(replace(replace(kapatiran_search_text(query), '\', '\\'), '%', '\%'), '_', '\_') || '%'
           OR m.search_name %> kapatiran_search_text(query))
      AND m.church_id = kapatiran_current_church()
  $$;
