-- Undo 0009_search_plan: 0008's function.
CREATE OR REPLACE FUNCTION kapatiran_matching_members(query text) RETURNS TABLE (member_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER ROWS 1000
  SET search_path = public, pg_temp
  AS $$
    SELECT m.id
    FROM members m
    WHERE m.church_id = kapatiran_current_church()
      AND (m.search_name LIKE '%' || replace(replace(replace(kapatiran_search_text(query), '\', '\\'), '%', '\%'), '_', '\_') || '%'
           OR m.search_name %> kapatiran_search_text(query))
  $$;
