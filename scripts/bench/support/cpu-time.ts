/**
 * CPU time spent by the server side of a benchmark: the app's process and the
 * PostgreSQL backends serving its database, read from /proc (Linux), so the
 * load generator's own CPU is never counted.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type postgres from "postgres";

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** User plus system CPU seconds of process `pid` so far (0 once it is gone). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which may itself hold spaces: state is the first, utime the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

export interface CpuSample {
  app: number;
  database: Map<number, number>;
}

/**
 * The app's CPU seconds and each PostgreSQL backend's on this database (other
 * databases on the same server — other people's tests — are left out, and so
 * is the connection asking).
 */
export async function sampleCpu(appPid: number, sql: postgres.Sql): Promise<CpuSample> {
  const backends = await sql<{ pid: number }[]>`
    select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
  return { app: cpuSeconds(appPid), database: new Map(backends.map(({ pid }) => [pid, cpuSeconds(pid)])) };
}

/** CPU seconds between two samples: the app's, and the database backends' (a backend new since `before` counts whole). */
export function cpuBetween(before: CpuSample, after: CpuSample) {
  let database = 0;
  for (const [pid, seconds] of after.database) database += seconds - (before.database.get(pid) ?? 0);
  return { app: after.app - before.app, database };
}
