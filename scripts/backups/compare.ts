import { runTool } from "./run";

/**
 * The drill's proof: the SQL text of a backup file (pg_restore -f -) and a
 * fresh pg_dump of the restored database, both without owners. They must be
 * the same line for line. pg_dump's \restrict line carries a random key each
 * run (PostgreSQL 15.14 and later), so it is left out of both.
 */
export async function compareWithDump(url: string, dumpFile: string): Promise<{ identical: boolean; lines: number; firstDifference?: string }> {
  const fromBackup = withoutRestrictKeys(await runTool("pg_restore", ["--no-owner", "--file=-", dumpFile]));
  const fromDatabase = withoutRestrictKeys(await runTool("pg_dump", ["--no-owner", `--dbname=${url}`]));
  if (fromBackup.join("\n") === fromDatabase.join("\n")) return { identical: true, lines: fromBackup.length };
  const at = fromBackup.findIndex((line, index) => line !== fromDatabase[index]);
  const index = at === -1 ? fromBackup.length : at;
  return {
    identical: false,
    lines: fromBackup.length,
    firstDifference: `line ${index + 1}: backup ${JSON.stringify(fromBackup[index])} / restored ${JSON.stringify(fromDatabase[index])}`,
  };
}

/** Two databases' pg_dumps (no owners), line for line: the point-in-time check. */
export async function compareDatabases(urlA: string, urlB: string): Promise<{ identical: boolean; lines: number }> {
  const a = withoutRestrictKeys(await runTool("pg_dump", ["--no-owner", `--dbname=${urlA}`]));
  const b = withoutRestrictKeys(await runTool("pg_dump", ["--no-owner", `--dbname=${urlB}`]));
  return { identical: a.join("\n") === b.join("\n"), lines: a.length };
}

function withoutRestrictKeys(text: string): string[] {
  return text.split("\n").filter((line) => !/^\\(un)?restrict /.test(line));
}
