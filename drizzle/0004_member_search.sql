-- Directory search: accent- and case-insensitive, typo-tolerant (trigrams).
-- Both extensions are "trusted": the database owner may create them without superuser.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change); an index needs IMMUTABLE.
-- Pinning the dictionary makes this wrapper safe to declare so.
CREATE FUNCTION kapatiran_search_text(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
--> statement-breakpoint
CREATE INDEX members_search_name_idx ON members
  USING gin (kapatiran_search_text(given_name || ' ' || family_name) gin_trgm_ops);
