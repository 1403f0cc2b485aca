-- Undo 0021_search_gist: back to 0008's GIN index and 0009's function. The
-- btree_gist extension stays: dropping it would fail on any index made with it later.
CREATE INDEX IF NOT EXISTS members_church_search_idx ON members USING gin (church_id, search_name gin_trgm_ops);
--> statement-breakpoint
DROP INDEX IF EXISTS members_church_search_gist_idx;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kapatiran_matching_members(query text) RETURNS TABLE (member_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER ROWS 20
  SET search_path = public, pg_temp
  SET enable_seqscan = off
  AS $$
    SELECT m.id
    FROM members m
    WHERE (m.search_name LIKE '%' || replace(replace(replace(kapatiran_search_text(query), '\', '\\'), '%', '\%'), '_', '\_') || '%'
           OR m.search_name %> kapatiran_search_text(query))
      AND m.church_id::text = kapatiran_current_church()::text
  $$;
