import fs from "node:fs";
import { alive } from "./processes";

/**
 * One deploy or rollback at a time on a box: a lock file holding the pid of
 * the one running. A lock left by a process that no longer exists (killed,
 * box rebooted) is taken over, with a line saying so.
 */
export function takeLock(file: string, what: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid, what, since: new Date().toISOString() }), { flag: "wx" });
      const release = () => fs.rmSync(file, { force: true });
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let holder: { pid?: number; what?: string; since?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(file, "utf8"));
      } catch {
        // unreadable: treat as stale
      }
      if (holder.pid && alive(holder.pid)) {
        throw new Error(`another ${holder.what ?? "deploy"} is running (pid ${holder.pid}, since ${holder.since}); wait for it to finish`);
      }
      console.log(`taking over a stale lock (pid ${holder.pid ?? "?"} is gone)`);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not take the lock ${file}`);
}
