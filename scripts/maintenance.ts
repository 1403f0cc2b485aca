/**
 * Read-only mode from the command line, for the operator on the box or the
 * deploy script: the same switch as /platform/maintenance, audited the same way.
 *
 *   npm run maintenance -- read-only on --reason "Database upgrade"
 *   npm run maintenance -- read-only off
 *   npm run maintenance -- status
 *   node build/scripts/maintenance.js read-only on      # on the server, from the build
 */
import os from "node:os";
import { activeNotices } from "~/maintenance/notices.server";
import { READ_ONLY_CACHE_MS, readOnlyStateNow, setReadOnly } from "~/maintenance/read-only.server";
import { upcomingWindows } from "~/maintenance/windows.server";
import { runWithDatabase } from "./support/run-with-database";

const USAGE = `Usage: npm run maintenance -- <command>

  read-only on [--reason TEXT] [--by NAME]   refuse every write with a 503 page (reads keep working)
  read-only off [--by NAME]                  accept writes again
  read-only status | status                  print the switch, upcoming windows and status notices

Every app process re-reads the switch every ${READ_ONLY_CACHE_MS / 1000} seconds: "on" returns
once all of them refuse writes, no restart needed. Recorded in the platform audit
trail with --by (default: this login's user name).
Database: DATABASE_URL (the embedded PGlite database is held by the running
server; use /platform/maintenance there).`;

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
const words = args.filter((arg, i) => !arg.startsWith("--") && !args[i - 1]?.startsWith("--"));

if (args.includes("--help") || words.length === 0) {
  console.log(USAGE);
  process.exit(words.length === 0 && !args.includes("--help") ? 1 : 0);
}

const [topic, verb] = words;
const status = topic === "status" || (topic === "read-only" && verb === "status");
const turn = topic === "read-only" && (verb === "on" || verb === "off") ? verb : undefined;
if (!status && !turn) {
  console.error(`Unknown command: ${words.join(" ")}\n\n${USAGE}`);
  process.exit(1);
}

await runWithDatabase("Maintenance", async (database) => {
  if (turn) {
    const by = option("--by") ?? `${process.env.SUDO_USER || os.userInfo().username} (command line)`;
    const state = await setReadOnly({ enabled: turn === "on", reason: option("--reason") ?? null, changedBy: by }, {}, database);
    if (state.enabled) {
      // Every process's cached switch has expired once this has passed: from now on no write gets through.
      await new Promise((resolve) => setTimeout(resolve, READ_ONLY_CACHE_MS + 500));
      console.log(`read-only mode is ON${state.reason ? ` (${state.reason})` : ""}: every app process now refuses writes`);
    } else {
      console.log(`read-only mode is OFF: writes are accepted again (within ${READ_ONLY_CACHE_MS / 1000} s on every process)`);
    }
    return;
  }
  const state = await readOnlyStateNow(database);
  console.log(
    state.enabled
      ? `read-only: ON since ${state.changedAt} by ${state.changedBy ?? "?"}${state.reason ? ` (${state.reason})` : ""}`
      : `read-only: off${state.changedBy ? ` (since ${state.changedAt}, by ${state.changedBy})` : ""}`,
  );
  const windows = await upcomingWindows(new Date(), database);
  console.log(windows.length ? "maintenance windows:" : "maintenance windows: none scheduled");
  for (const window of windows) console.log(`  ${window.startsAt} – ${window.endsAt}${window.noteEn ? `  ${window.noteEn}` : ""}`);
  const notices = await activeNotices(database);
  console.log(notices.length ? "status notices shown:" : "status notices: none shown");
  for (const notice of notices) console.log(`  [${notice.severity}] ${notice.messageEn}`);
});
