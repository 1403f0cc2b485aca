import { layout, loadConfig, readEnvFile, readFlags, UsageError, type Flags } from "./config";
import fs from "node:fs";
import { takeLock } from "./lock";
import { liveSlotIn } from "./nginx";
import { recordDeployment, type DeploymentRow } from "./record";
import { runnerFor } from "./runners";
import { readState } from "./state";
import type { Context } from "./switching";

/**
 * What deploy and rollback both start with: flags and settings, the env file,
 * the lock, the state; and how they end: a `deployments` row and a last line
 * that says what happened.
 */
export function openSession(action: DeploymentRow["action"], usage: string, argv = process.argv.slice(2)) {
  const flags: Flags = readFlags(argv);
  if (flags.has("--help")) {
    console.log(usage);
    process.exit(0);
  }
  const config = loadConfig(flags);
  const appEnv = readEnvFile(config.envFile);
  const databaseUrl = appEnv.DATABASE_URL;
  if (!databaseUrl) {
    throw new UsageError(`DATABASE_URL is not set in ${config.envFile}: blue and green share one PostgreSQL database`);
  }
  const paths = layout(config.root);
  takeLock(paths.lock, action);
  const startedAt = new Date();
  const say = (line: string) => console.log(`[${action} ${((Date.now() - startedAt.getTime()) / 1000).toFixed(1).padStart(5)} s] ${line}`);
  const context: Context = { config, runner: runnerFor(config, appEnv), say };

  async function record(row: Omit<DeploymentRow, "action" | "startedAt" | "actor">) {
    try {
      await recordDeployment(databaseUrl!, { ...row, action, startedAt, actor: config.actor });
    } catch (error) {
      say(`could not write the deployments record: ${(error as Error).message}`);
    }
  }

  const state = readState(paths.state);
  // If an earlier run died between switching nginx and writing state.json, the "idle"
  // slot could be the one taking traffic: stop rather than start something over it.
  if (state.live && fs.existsSync(config.upstreamFile)) {
    const serving = liveSlotIn(fs.readFileSync(config.upstreamFile, "utf8"), config.ports);
    if (serving !== state.live.slot) {
      throw new Error(
        `nginx sends traffic to ${serving ?? "an unknown slot"} (${config.upstreamFile}) but state.json says ${state.live.slot} is live; ` +
          `find out which release serves (curl ${config.smokeUrl}/healthz) and fix state.json or the upstream file by hand`,
      );
    }
  }
  return { flags, config, appEnv, databaseUrl, paths, context, say, record, state, startedAt };
}

/** Run a script's main; usage mistakes and unexpected errors end with one clear line and exit 1. */
export function runMain(name: string, main: () => Promise<void>) {
  main().catch((error: unknown) => {
    if (error instanceof UsageError) console.error(`${name}: ${error.message} (see --help)`);
    else console.error(`${name} FAILED: ${(error as Error).message}`);
    process.exit(1);
  });
}
