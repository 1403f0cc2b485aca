import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asPostgresOwner, pgbackrest, restoreToTime } from "../../scripts/backups/point-in-time";
import { RestoreRefused } from "../../scripts/backups/restore-backup";
import { runTool } from "../../scripts/backups/run";
import { freePort } from "../../scripts/support/options";

/*
 * Continuous archiving and point-in-time restore, on a PostgreSQL 15 cluster
 * of its own (the shared server's archive_mode cannot be switched on for a
 * test): the repository's infra/box/postgresql-archiving.conf verbatim, and
 * pgBackRest with a local repository instead of the bucket. Two writes a
 * moment apart; a restore to a time between them has the first write only,
 * and its pg_dump is identical to one taken of the original at that time.
 */
// The server's own tools (initdb, pg_ctl): Debian's PostgreSQL 15 here, whatever version a CI runner has.
const bin =
  ["15", ...fs.readdirSync("/usr/lib/postgresql").sort().reverse()]
    .map((version) => `/usr/lib/postgresql/${version}/bin`)
    .find((dir) => fs.existsSync(`${dir}/initdb`)) ?? "/usr/lib/postgresql/15/bin";
const asRoot = process.getuid?.() === 0;
const asPostgres = (command: string, args: string[], env?: NodeJS.ProcessEnv) =>
  asRoot ? runTool("runuser", ["-u", "postgres", "--", command, ...args], { env }) : runTool(command, args, { env });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-pitr-"));
const config = path.join(dir, "pgbackrest.conf");
const data = path.join(dir, "data");
const restored = path.join(dir, "restored");
const started: string[] = [];
let port = 0;
let restoredPort = 0;
const urlAt = (p: number) => `postgres://postgres@127.0.0.1:${p}/postgres`;

async function startCluster(folder: string, listenOn: number, extra: string[] = []) {
  await asPostgres(`${bin}/pg_ctl`, ["-D", folder, "-l", path.join(dir, `${path.basename(folder)}.log`), "-w", "-o", [`-p ${listenOn}`, ...extra].join(" "), "start"], {
    // archive_command runs `pgbackrest` with the server's environment: point it at the test's settings.
    ...process.env,
    PGBACKREST_CONFIG: config,
  });
  started.push(folder);
}

beforeAll(async () => {
  await asPostgresOwner(dir);
  port = await freePort();
  restoredPort = await freePort();
  fs.writeFileSync(
    config,
    [
      "[global]",
      `repo1-path=${dir}/repo`,
      "repo1-retention-full=2",
      `log-path=${dir}`,
      `lock-path=${dir}`,
      "log-level-console=warn",
      "log-level-file=off",
      "[kapatiran]",
      `pg1-path=${data}`,
      `pg1-port=${port}`,
      `pg1-socket-path=${dir}`,
      "",
    ].join("\n"),
  );
  await asPostgresOwner(config);
  await asPostgres(`${bin}/initdb`, ["-D", data, "-A", "trust", "-U", "postgres", "--encoding=UTF8", "--no-sync"]);
  const archiving = fs.readFileSync(path.resolve("infra/box/postgresql-archiving.conf"), "utf8");
  fs.appendFileSync(path.join(data, "postgresql.conf"), `\n${archiving}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\n`);
  await startCluster(data, port);
  await pgbackrest([`--config=${config}`, "--stanza=kapatiran", "stanza-create"]);
  await pgbackrest([`--config=${config}`, "--stanza=kapatiran", "--type=full", "backup"]);
  // pgBackRest keeps a backup's stop time in whole seconds: the writes come after it.
  await new Promise((resolve) => setTimeout(resolve, 1100));
});

afterAll(async () => {
  for (const folder of started.reverse()) await asPostgres(`${bin}/pg_ctl`, ["-D", folder, "-m", "immediate", "stop"]).catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("point-in-time restore from the WAL archive", () => {
  it("restores to a time between two writes and finds the first write only", async () => {
    const sql = postgres(urlAt(port), { max: 1, onnotice: () => {} });
    await sql`create table offerings (id int primary key, note text, at timestamptz not null default clock_timestamp())`;
    await sql`insert into offerings (id, note) values (1, 'first write')`;
    const between = (await sql<{ at: string }[]>`select clock_timestamp()::text as at`)[0]!.at;
    // The original as it stood at that time: the restore must match it line for line.
    const expected = await runTool("pg_dump", ["--no-owner", `--dbname=${urlAt(port)}`]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await sql`insert into offerings (id, note) values (2, 'second write')`;
    await sql.end();
    // Switches the WAL segment and waits until the archive has it.
    await pgbackrest([`--config=${config}`, "--stanza=kapatiran", "check"]);

    const lines: string[] = [];
    await restoreToTime({ toTime: between, targetDir: restored, stanza: "kapatiran", configFile: config }, (line) => lines.push(line));
    expect(lines.join("\n")).toMatch(/restored in \d+\.\d s/);
    await startCluster(restored, restoredPort, ["-c archive_mode=off"]);

    const check = postgres(urlAt(restoredPort), { max: 1, onnotice: () => {} });
    // pg_ctl returns once the server takes (read-only) connections, which can be before the
    // WAL is replayed up to the target: it is done when it has promoted itself.
    for (let i = 0; i < 600 && (await check`select pg_is_in_recovery() as recovering`)[0]!.recovering; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await check`select pg_is_in_recovery() as recovering`)[0]!.recovering).toBe(false);
    expect(await check`select id, note from offerings order by id`).toEqual([{ id: 1, note: "first write" }]);
    await check.end();
    const actual = await runTool("pg_dump", ["--no-owner", `--dbname=${urlAt(restoredPort)}`]);
    const strip = (text: string) => text.split("\n").filter((line) => !/^\\(un)?restrict /.test(line)).join("\n");
    expect(strip(actual)).toBe(strip(expected));
  });

  it("refuses a time without a zone, and a data directory that is not empty without --force", async () => {
    await expect(restoreToTime({ toTime: "2026-11-28 14:05", targetDir: path.join(dir, "other"), stanza: "kapatiran", configFile: config }, () => {})).rejects.toThrow(
      /time with its zone/,
    );
    const busy = path.join(dir, "busy");
    fs.mkdirSync(busy);
    fs.writeFileSync(path.join(busy, "PG_VERSION"), "15\n");
    const attempt = restoreToTime({ toTime: "2026-11-28 14:05:00+08", targetDir: busy, stanza: "kapatiran", configFile: config }, () => {});
    await expect(attempt).rejects.toBeInstanceOf(RestoreRefused);
    await expect(attempt).rejects.toThrow(/is not empty/);
  });
});
