/**
 * scripts/deploy --release <name>: blue-green on one box (docs/decisions/009).
 * Back up → migrate with the new release → start it in the idle slot → wait for
 * /readyz → publish its assets → switch nginx → smoke tests → drain and stop
 * the old slot → record. Traffic only moves to a slot that is ready.
 */
import { publishAssets, pruneAssets } from "./assets";
import { backUpDatabase } from "./backup";
import { UsageError } from "./config";
import { switchUpstream } from "./nginx";
import { migrationLevel } from "./record";
import { openSession, runMain } from "./session";
import { afterSwitch, idleSlot, writeState } from "./state";
import { bringUp, drainAndStop, STOP_GRACE_SECONDS, switchTo } from "./switching";

const usage = `Usage: scripts/deploy --release <name> [options]

Deploys a release with no downtime: backs up the database, runs its pending
migrations (they must be backward compatible with the live release), starts it in
the idle slot (blue/green), waits until /readyz passes, switches nginx to it, runs
the smoke tests through nginx, lets the old slot drain, stops it (kept for
scripts/rollback) and records the deploy (DEPLOY_ROOT/state.json, deployments table).
A release that does not become ready is stopped and traffic stays where it was.

  --release NAME        docker: the image tag (the commit); node: DEPLOY_ROOT/releases/NAME
  --runner docker|node  how releases run (DEPLOY_RUNNER, default docker)
  --image REPO          docker image repository, e.g. an ECR URI (DEPLOY_IMAGE)
  --commit SHA          the git commit, for the record (default: unknown)
  --ready-timeout S     seconds to wait for /readyz (DEPLOY_READY_TIMEOUT, default 60)
  --drain S             seconds the old slot keeps finishing requests (DEPLOY_DRAIN_SECONDS, default 30)
  --smoke-url URL       nginx as seen from the box (SMOKE_URL, default http://127.0.0.1)
  --actor NAME          who deploys, for the record (DEPLOY_ACTOR, default user@host)
  --root DIR            DEPLOY_ROOT (default /srv/kapatiran); --env-file FILE (default DEPLOY_ROOT/app.env)
  --blue-port N --green-port N   the slots' loopback ports (BLUE_PORT 3001, GREEN_PORT 3002)
  --upstream-file FILE  NGINX_UPSTREAM_FILE (default /etc/nginx/kapatiran-upstream.conf)
  --nginx "CMD"         NGINX_COMMAND (default "nginx"; "-t -q" and "-s reload" are appended)
Also: BACKUP_COMMAND (default pg_dump into DEPLOY_ROOT/backups), DEPLOY_KEEP_BACKUPS (10),
DEPLOY_KEEP_ASSET_RELEASES (5), DEPLOY_DATA_VOLUME, DEPLOY_DOCKER_NETWORK (bridge|host).
Exit code 0 when the release is live, 1 otherwise.`;

runMain("Deploy", async () => {
  const session = openSession("deploy", usage);
  const { flags, config, context, say, record, paths, databaseUrl } = session;
  let state = session.state;
  const release = flags.value("--release");
  if (!release) throw new UsageError("--release is required");
  let commit = flags.value("--commit");
  const slot = idleSlot(state);
  const live = state.live;
  const staying = live ? `traffic stays on ${live.slot} (${live.release})` : "nothing was serving traffic yet";

  const stop = async (outcome: "rejected" | "failed", detail: string, level: string | null = null) => {
    await record({ release, commit, slot, migrationLevel: level, outcome, detail });
    console.error(`DEPLOY ${outcome.toUpperCase()}: ${detail}`);
    process.exit(1);
  };

  say(`deploying ${release} into ${slot}; live: ${live ? `${live.release} in ${live.slot}` : "nothing"}`);
  const missing = await context.runner.missing(release);
  if (missing) return stop("failed", missing);
  commit ??= await context.runner.commitOf(release);

  const backup = await backUpDatabase({
    // pg_dump must see every church's rows: the box's backup role (BYPASSRLS) when app.env names one.
    databaseUrl: session.appEnv.BACKUP_DATABASE_URL || databaseUrl,
    dir: paths.backups,
    release,
    command: config.backupCommand,
    keep: config.keepBackups,
  });
  if (backup.outcome.code !== 0) return stop("failed", `database backup failed, nothing changed: ${backup.outcome.output.trim()}`);
  say(`database backed up${config.backupCommand ? " (BACKUP_COMMAND)" : ` to ${backup.file}`}`);

  const migrated = await context.runner.task(release, "migrate", []);
  if (migrated.code !== 0) return stop("failed", `migrations of ${release} failed; ${staying}: ${migrated.output.trim()}`);
  const level = await migrationLevel(databaseUrl);
  say(`migrations: ${migrated.output.trim()} (level ${level ?? "none"})`);

  const up = await bringUp(context, slot, release);
  if (!up.ok) return stop("rejected", `${up.reason}; ${staying}`, level);
  say(`${release} is ready in ${slot}`);

  const published = await publishAssets(config.root, context.runner, release, state, config.keepAssetReleases);
  state = published.state;
  say(`assets published: ${published.files} files, ${published.added} new`);

  let failedChecks: string[];
  try {
    const results = await switchTo(context, slot, release, `${release} live in ${slot} since ${new Date().toISOString()}`);
    failedChecks = results.filter((r) => !r.ok).map((r) => r.name);
  } catch (error) {
    failedChecks = [(error as Error).message];
  }
  if (failedChecks.length > 0) {
    if (live) {
      await switchUpstream(config, live.slot, `${live.release} back in ${live.slot}: ${release} failed its smoke tests`);
      say(`switched back to ${live.slot} (${live.release})`);
    }
    await context.runner.stop(slot, STOP_GRACE_SECONDS);
    writeState(paths.state, state); // its assets are published; live and previous did not change
    return stop("failed", `smoke tests failed through nginx (${failedChecks.join(", ")}); ${staying}`, level);
  }

  if (live && live.slot !== slot) await drainAndStop(context, live.slot);
  state = afterSwitch(state, { slot, release, migrationLevel: level, since: new Date().toISOString() });
  const pruned = pruneAssets(config.root, state, config.keepAssetReleases);
  state = pruned.state;
  writeState(paths.state, state);
  await record({ release, commit, slot, migrationLevel: level, outcome: "live" });
  if (pruned.removed > 0) say(`pruned ${pruned.removed} asset files of releases older than the last ${config.keepAssetReleases}`);
  say(`DEPLOYED ${release} in ${slot} (migration level ${level ?? "none"})${live ? `; ${live.release} stopped in ${live.slot}, kept for rollback` : ""}`);
});
