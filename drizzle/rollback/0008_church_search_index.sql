-- Undo 0008_church_search_index: back to 0006's index and function.
CREATE INDEX IF NOT EXISTS members_search_name_trgm_idx ON members USING gin (search_name gin_trgm_ops);
--> statement-breakpoint
DROP INDEX IF EXISTS members_church_search_idx;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kapatiran_matching_members(query text) RETURNS TABLE (member_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
  AS $$
    SELECT m.id
    FROM members m
    WHERE m.church_id = kapatiran_current_church()
      AND (m.search_name LIKE '%' || replace(replace(replace(kapatiran_search_text(query), '\', '\\'), '%', '\%'), '_', '\_') || '%'
           OR kapatiran_search_text(query) <% m.search_name)
  $$;
