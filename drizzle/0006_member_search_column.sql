-- Store the searchable form of each name (0004's function) instead of computing
-- unaccent() for every member at every search; index it with trigrams.
ALTER TABLE "members" ADD COLUMN "search_name" text GENERATED ALWAYS AS (kapatiran_search_text(given_name || ' ' || family_name)) STORED;
--> statement-breakpoint
CREATE INDEX "members_search_name_trgm_idx" ON "members" USING gin ("search_name" gin_trgm_ops);
--> statement-breakpoint
DROP INDEX IF EXISTS members_search_name_idx;
--> statement-breakpoint
-- Row-level security keeps non-leakproof operators (LIKE, trigram <%) out of index
-- scans, so under RLS a search would compare every member's name. This function does
-- the indexed lookup as its owner, for the caller's current church only; the caller
-- still reads the members themselves through RLS, which filters again.
CREATE FUNCTION kapatiran_matching_members(query text) RETURNS TABLE (member_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT m.id
    FROM members m
    WHERE m.church_id = kapatiran_current_church()
      AND (m.search_name LIKE '%' || replace(replace(replace(kapatiran_search_text(query), '\', '\\'), '%', '\%'), '_', '\_') || '%'
           OR kapatiran_search_text(query) <% m.search_name)
  $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION kapatiran_matching_members(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION kapatiran_matching_members(text) TO kapatiran_app;
