import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { env } from "~/utils/env.server";

/**
 * The box the app runs on: CPU busy, memory used and disk use of the folders
 * the app writes to. Cheap reads (os counters, /proc/meminfo, statfs), made
 * once a minute by the rollup writer and on each /metrics scrape.
 */

interface CpuTimes {
  busy: number;
  total: number;
}

function cpuTimes(): CpuTimes {
  let busy = 0;
  let total = 0;
  for (const { times } of os.cpus()) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

// The first reading measures from when this module loaded (start-up), not since boot.
let lastCpu = cpuTimes();

/** Percent of all cores busy since the previous call; null when no time has passed. */
export function cpuBusyPercent(): number | null {
  const now = cpuTimes();
  const total = now.total - lastCpu.total;
  const busy = now.busy - lastCpu.busy;
  lastCpu = now;
  return total > 0 ? round((busy / total) * 100) : null;
}

/**
 * Memory in use, percent. MemAvailable counts the page cache the kernel would
 * give back, so a box with a warm cache is not "full"; os.freemem() does not
 * (it is the fallback off Linux).
 */
export function memoryUsedPercent(): number {
  try {
    const info = fs.readFileSync("/proc/meminfo", "utf8");
    const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(info)?.[1]);
    const total = kib("MemTotal");
    const available = kib("MemAvailable");
    if (total > 0 && Number.isFinite(available)) return round(((total - available) / total) * 100);
  } catch {
    // Not Linux: below.
  }
  return round((1 - os.freemem() / os.totalmem()) * 100);
}

export interface DiskUse {
  freeBytes: number;
  totalBytes: number;
  /** As `df` counts it: used / (used + available to us); the root-reserved blocks are not "free". */
  usedPercent: number;
}

/** Disk use of the file system holding `directory` (or its nearest existing parent: uploads/ may not exist yet). */
export async function diskUse(directory: string): Promise<DiskUse> {
  const stats = await fs.promises.statfs(existingAncestor(path.resolve(directory)));
  const used = (stats.blocks - stats.bfree) * stats.bsize;
  const available = stats.bavail * stats.bsize;
  return {
    freeBytes: available,
    totalBytes: stats.blocks * stats.bsize,
    usedPercent: used + available > 0 ? round((used / (used + available)) * 100) : 0,
  };
}

function existingAncestor(directory: string): string {
  let current = directory;
  while (!fs.existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}

/** The folders the app writes to: DATA_DIR always; uploads only when photos are files here, not in S3. */
export function watchedDirectories(): { name: "data" | "uploads"; path: string }[] {
  const data = { name: "data" as const, path: path.resolve(env.DATA_DIR) };
  return env.S3_BUCKET ? [data] : [data, { name: "uploads", path: path.resolve(env.DATA_DIR, "uploads") }];
}

const round = (value: number) => Math.round(value * 10) / 10;
