/**
 * The extensions the migrations create, loaded into every PGlite we open —
 * the app's embedded database, backups and restores of it, tests. (PGlite
 * bundles each extension separately and loads only those it is given.)
 */
export async function pgliteExtensions() {
  const [{ pg_trgm }, { unaccent }, { btree_gin }, { btree_gist }] = await Promise.all([
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("@electric-sql/pglite/contrib/unaccent"),
    import("@electric-sql/pglite/contrib/btree_gin"),
    import("@electric-sql/pglite/contrib/btree_gist"),
  ]);
  return { pg_trgm, unaccent, btree_gin, btree_gist };
}
