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

/** `pid` and its child processes: the app's primary and its workers (WEB_CONCURRENCY, server/workers.ts). */
export function processTree(pid: number): number[] {
  const children = fs.readdirSync("/proc").flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid ? [Number(entry)] : [];
    } catch {
      return []; // ended meanwhile
    }
  });
  return [pid, ...children];
}

export interface CpuSample {
  app: Map<number, number>;
  database: Map<number, number>;
}

/**
 * The CPU seconds of the app's processes and of each PostgreSQL backend on
 * this database (other databases on the same server — other people's tests —
 * are left out, and so is the connection asking).
 */
export async function sampleCpu(appPid: number, sql: postgres.Sql): Promise<CpuSample> {
  const backends = await sql<{ pid: number }[]>`
    select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
  return {
    app: new Map(processTree(appPid).map((pid) => [pid, cpuSeconds(pid)])),
    database: new Map(backends.map(({ pid }) => [pid, cpuSeconds(pid)])),
  };
}

/** CPU seconds between two samples, the app's and the database backends' (a process new since `before` counts whole). */
export function cpuBetween(before: CpuSample, after: CpuSample) {
  const used = (from: Map<number, number>, to: Map<number, number>) => {
    let seconds = 0;
    for (const [pid, now] of to) seconds += now - (from.get(pid) ?? 0);
    return seconds;
  };
  return { app: used(before.app, after.app), database: used(before.database, after.database) };
}
