-- The planner prices the trigram comparison per row far too low, so it chose a
-- sequential scan (or the church's btree index) over the trigram GIN index and
-- compared every member's name: ~13 ms for 10,000 members. Inside this function
-- only, sequential scans are off and the church is compared as text (which no
-- btree index matches), leaving the GIN index on search_name as the way in:
-- ~5 ms. ROWS 20 tells the planner a search finds a handful of members, so
-- the caller fetches them by primary key instead of hashing the whole church.
-- Same rows as 0008.
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
