/**
 * The rows both reference servers show: the first directory page of the big
 * church in the directory's own order (family name, household, given name,
 * id; app/models/directory.server.ts), 25 rows — what the church's
 * administrator sees on /directory. Plain `postgres`, no ORM, no tenancy: the
 * references measure what a page costs without Kapatiran's layers.
 */
import postgres from "postgres";

export interface Row {
  id: string;
  given_name: string;
  family_name: string;
  phone: string | null;
}

export const BIG_CHURCH_SLUG = "big";

/** A pool like the app's, and a function that reads the first page. */
export async function firstPageReader(databaseUrl: string) {
  // max 10: the app's pool size (app/db/client.server.ts), so neither side waits on fewer connections.
  const sql = postgres(databaseUrl, { max: 10, onnotice: () => {} });
  const [church] = await sql<{ id: string }[]>`select id from churches where slug = ${BIG_CHURCH_SLUG}`;
  if (!church) throw new Error(`no church "${BIG_CHURCH_SLUG}" (seed it: npm run seed -- --members 10000)`);
  const churchId = church.id;
  return {
    sql,
    firstPage: () =>
      sql<Row[]>`
        select id, given_name, family_name, phone from members
        where church_id = ${churchId} and deleted_at is null
        order by family_name, household_id, given_name, id
        limit 25`,
  };
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** HTML-escaped text: the ceiling still must not be an injection. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
