/**
 * scripts/rollback: back to the previous release, the same way a deploy goes
 * forward — start it in the idle slot, wait for /readyz, switch nginx, smoke
 * test, drain and stop the current one. With --migrations, the migrations
 * applied since that release are rolled back too, by the migration runner of
 * the release that applied them (it has their rollback scripts), after traffic
 * has left it: the previous release runs on the newer schema (migrations are
 * backward compatible), the newer release never runs on the older one.
 */
import { migrationLevel } from "./record";
import { openSession, runMain } from "./session";
import { afterSwitch, idleSlot, rollbackTarget, writeState } from "./state";
import { switchUpstream } from "./nginx";
import { alreadyUp, bringUp, drainAndStop, STOP_GRACE_SECONDS, switchTo } from "./switching";

const usage = `Usage: scripts/rollback [--migrations] [options]

Switches traffic back to the previous release (DEPLOY_ROOT/state.json): starts it in
the idle slot unless it is running, waits until /readyz passes, switches nginx, runs
the smoke tests, drains and stops the current release (kept: running rollback again
goes forward again). Records the rollback in the deployments table.

  --migrations   also roll back the migrations applied since the previous release went
                 live, with the current release's rollback scripts; refused (nothing
                 changes) if that is not possible
Other options as for scripts/deploy: --runner, --image, --ready-timeout, --drain,
--smoke-url, --actor, --root, --env-file, --blue-port, --green-port, --upstream-file, --nginx.`;

runMain("Rollback", async () => {
  const { flags, config, context, say, record, paths, databaseUrl, state } = openSession("rollback", usage);
  const wanted = rollbackTarget(state);
  const current = state.live;
  if ("refused" in wanted || !current) {
    console.error(`ROLLBACK REFUSED: ${"refused" in wanted ? wanted.refused : "nothing is live"}`);
    process.exit(1);
  }
  const target = wanted.target;
  const slot = idleSlot(state);
  const withMigrations = flags.has("--migrations");

  const stop = async (outcome: "rejected" | "failed", detail: string) => {
    await record({ release: target.release, slot, migrationLevel: await migrationLevel(databaseUrl).catch(() => null), outcome, detail });
    console.error(`ROLLBACK ${outcome.toUpperCase()}: ${detail}`);
    process.exit(1);
  };

  say(`rolling back from ${current.release} (${current.slot}) to ${target.release} into ${slot}${withMigrations ? ", with migrations" : ""}`);
  if (withMigrations) {
    if (!target.migrationLevel) {
      console.error(`ROLLBACK REFUSED: the migration level of ${target.release} is not known (state.json), so nothing to roll back to`);
      process.exit(1);
    }
    const check = await context.runner.task(current.release, "db-rollback", ["--to", target.migrationLevel, "--check"]);
    if (check.code !== 0) {
      console.error(`ROLLBACK REFUSED: cannot roll the migrations back to ${target.migrationLevel} with ${current.release}, nothing changed: ${check.output.trim()}`);
      process.exit(1);
    }
    say(`migrations: ${check.output.trim()} (after the switch)`);
  }
  const missing = await context.runner.missing(target.release);
  if (missing) return stop("failed", missing);

  if (await alreadyUp(context, slot, target.release)) {
    say(`${target.release} is still running and ready in ${slot}`);
  } else {
    const up = await bringUp(context, slot, target.release);
    if (!up.ok) return stop("rejected", `${up.reason}; traffic stays on ${current.slot} (${current.release})`);
    say(`${target.release} is ready in ${slot}`);
  }

  let failedChecks: string[];
  try {
    const results = await switchTo(context, slot, target.release, `${target.release} live in ${slot} (rollback) since ${new Date().toISOString()}`);
    failedChecks = results.filter((r) => !r.ok).map((r) => r.name);
  } catch (error) {
    failedChecks = [(error as Error).message];
  }
  if (failedChecks.length > 0) {
    await switchUpstream(config, current.slot, `${current.release} back in ${current.slot}: rollback smoke tests failed`);
    await context.runner.stop(slot, STOP_GRACE_SECONDS);
    return stop("failed", `smoke tests failed through nginx (${failedChecks.join(", ")}); switched back to ${current.slot} (${current.release})`);
  }
  await drainAndStop(context, current.slot);

  if (withMigrations) {
    const undone = await context.runner.task(current.release, "db-rollback", ["--to", target.migrationLevel!]);
    if (undone.code !== 0) {
      // Traffic is on the previous release already, which runs on either schema.
      const level = await migrationLevel(databaseUrl);
      writeState(paths.state, afterSwitch(state, { slot, release: target.release, migrationLevel: level, since: new Date().toISOString() }));
      return stop("failed", `${target.release} is live in ${slot}, but rolling back the migrations failed: ${undone.output.trim()}`);
    }
    say(`migrations: ${undone.output.trim()}`);
  }
  const level = await migrationLevel(databaseUrl);
  writeState(paths.state, afterSwitch(state, { slot, release: target.release, migrationLevel: level, since: new Date().toISOString() }));
  await record({ release: target.release, slot, migrationLevel: level, outcome: "live", detail: `from ${current.release}` });
  say(`ROLLED BACK to ${target.release} in ${slot} (migration level ${level ?? "none"}); ${current.release} stopped in ${current.slot}`);
});
