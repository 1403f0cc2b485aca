-- One GIN index on (church, searchable name): a search then reads only the
-- matching members of one church (0.5 ms for 10,000 members instead of 15 ms).
-- btree_gin (trusted, like pg_trgm) lets a uuid column share a GIN index.
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
CREATE INDEX members_church_search_idx ON members USING gin (church_id, search_name gin_trgm_ops);
--> statement-breakpoint
DROP INDEX IF EXISTS members_search_name_trgm_idx;
--> statement-breakpoint
-- Same function as 0006, with the comparison written column-first (%>) so the
-- planner matches it to the index.
CREATE OR REPLACE FUNCTION kapatiran_matching_members(query text) RETURNS TABLE (member_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT m.id
    FROM members m
    WHERE m.church_id = kapatiran_current_church()
      AND (m.search_name LIKE '%' || replace(replace(replace(kapatiran_search_text(query), '\', '\\'), '%', '\%'), '_', '\_') || '%'
           OR m.search_name %> kapatiran_search_text(query))
  $$;
