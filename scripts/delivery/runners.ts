import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { layout, type DeployConfig } from "./config";
import { alive, run, sleep, type Exec, type Outcome } from "./processes";
import type { Slot } from "./state";

/**
 * How a release is started, stopped and asked to run a one-off task (the
 * migration runner). On the server: `docker` (one container per slot). In tests
 * and on boxes without Docker: `node` (one release folder per release). The
 * switching logic above them is the same.
 */
export interface Runner {
  /** Why `release` cannot be run, or undefined when it can. */
  missing(release: string): Promise<string | undefined>;
  start(slot: Slot, release: string, port: number): Promise<void>;
  /** SIGTERM, then wait up to `graceSeconds` (the app finishes requests in flight), then kill. */
  stop(slot: Slot, graceSeconds: number): Promise<void>;
  isRunning(slot: Slot): Promise<boolean>;
  /** `node build/scripts/<script>.js ...args` with the release's code and the box's env file. */
  task(release: string, script: string, args: string[]): Promise<Outcome>;
  /** Copy the release's public/build (fingerprinted assets) into `into`. */
  exportAssets(release: string, into: string): Promise<void>;
  /** Where a slot's output goes, for error messages. */
  logHint(slot: Slot): string;
  /** The git commit the release was built from, when the release says (build/build-info.json). */
  commitOf(release: string): Promise<string | undefined>;
}

export function runnerFor(config: DeployConfig, appEnv: Record<string, string>, exec: Exec = run): Runner {
  return config.runner === "docker" ? dockerRunner(config, exec) : nodeRunner(config, appEnv);
}

// ---------- docker ----------

export const containerName = (slot: Slot) => `kapatiran-${slot}`;

type DockerSettings = Pick<DeployConfig, "envFile" | "image" | "dataVolume" | "dockerNetwork">;

/** How a slot's port is reached: mapped from loopback, or (host network) the app's own PORT. */
function network(config: DockerSettings, port?: number) {
  if (config.dockerNetwork === "host") return ["--network", "host", ...(port ? ["--env", `PORT=${port}`] : [])];
  return port ? ["--publish", `127.0.0.1:${port}:3000`] : [];
}

/** The container of one slot: read-only root, /tmp in memory, DATA_DIR on a volume, loopback port only. */
export function dockerRunArgs(config: DockerSettings, slot: Slot, release: string, port: number) {
  return [
    "run", "--detach",
    "--name", containerName(slot),
    // Back after a reboot, unless a deploy stopped it on purpose.
    "--restart", "unless-stopped",
    "--read-only", "--tmpfs", "/tmp",
    "--env-file", config.envFile,
    "--env", `INSTANCE_NAME=${slot}`,
    "--env", `RELEASE=${release}`,
    "--volume", config.dataVolume,
    ...network(config, port),
    `${config.image}:${release}`,
  ];
}

/** A one-off task in a throwaway container of the release's image. */
export function dockerTaskArgs(config: DockerSettings, release: string, script: string, args: string[]) {
  return [
    "run", "--rm",
    "--read-only", "--tmpfs", "/tmp",
    "--env-file", config.envFile,
    "--volume", config.dataVolume,
    ...network(config),
    `${config.image}:${release}`,
    "node", `build/scripts/${script}.js`, ...args,
  ];
}

export function dockerRunner(config: DeployConfig, exec: Exec = run): Runner {
  const docker = (args: string[]) => exec("docker", args);
  const must = async (args: string[]) => {
    const result = await docker(args);
    if (result.code !== 0) throw new Error(`docker ${args[0]} failed: ${result.output.trim()}`);
    return result;
  };
  return {
    async missing(release) {
      if ((await docker(["image", "inspect", `${config.image}:${release}`])).code === 0) return undefined;
      const pulled = await docker(["pull", `${config.image}:${release}`]);
      return pulled.code === 0 ? undefined : `cannot pull ${config.image}:${release} (is the box logged in to the registry?): ${pulled.output.trim()}`;
    },
    async start(slot, release, port) {
      // A stopped container of an earlier release may still hold the name.
      await docker(["rm", "--force", containerName(slot)]);
      await must(dockerRunArgs(config, slot, release, port));
    },
    async stop(slot, graceSeconds) {
      // The container is kept (stopped) and its image stays: a rollback starts it again.
      await docker(["stop", "--time", String(graceSeconds), containerName(slot)]);
    },
    async isRunning(slot) {
      const result = await docker(["inspect", "--format", "{{.State.Running}}", containerName(slot)]);
      return result.code === 0 && result.output.trim() === "true";
    },
    task: (release, script, args) => docker(dockerTaskArgs(config, release, script, args)),
    async exportAssets(release, into) {
      const name = `kapatiran-assets-${release}`;
      await docker(["rm", "--force", name]);
      await must(["create", "--name", name, `${config.image}:${release}`]);
      try {
        await must(["cp", `${name}:/app/public/build/.`, into]);
      } finally {
        await docker(["rm", "--force", name]);
      }
    },
    logHint: (slot) => `docker logs ${containerName(slot)}`,
    // The image tag is the commit in CI; --commit says so explicitly.
    commitOf: async () => undefined,
  };
}

// ---------- node ----------

/**
 * A release folder under DEPLOY_ROOT/releases/<release>: build/, public/,
 * drizzle/, package.json and node_modules (a symlink is fine), as `npm run
 * build` leaves them. Each slot is a detached `node build/server/index.js`
 * with a pid file; it outlives the deploy that started it.
 */
export function nodeRunner(config: DeployConfig, appEnv: Record<string, string>): Runner {
  const paths = layout(config.root);
  const folder = (release: string) => path.join(paths.releases, release);
  const pidFile = (slot: Slot) => path.join(paths.run, `${slot}.pid`);
  const logFile = (slot: Slot) => path.join(paths.logs, `${slot}.log`);
  // Only the env file and PATH: the slot must not depend on whoever ran the deploy.
  const baseEnv = (extra: Record<string, string> = {}) =>
    ({ PATH: process.env.PATH ?? "/usr/bin:/bin", ...appEnv, ...extra }) as unknown as NodeJS.ProcessEnv;
  const pidOf = (slot: Slot) => {
    try {
      return Number(fs.readFileSync(pidFile(slot), "utf8").trim()) || undefined;
    } catch {
      return undefined;
    }
  };

  return {
    async missing(release) {
      if (!/^[A-Za-z0-9._-]+$/.test(release)) return `"${release}" is not a release name (letters, digits, . _ -)`;
      const entry = path.join(folder(release), "build", "server", "index.js");
      return fs.existsSync(entry) ? undefined : `no release folder ${folder(release)} (expected ${entry})`;
    },
    async start(slot, release, port) {
      fs.mkdirSync(paths.run, { recursive: true });
      fs.mkdirSync(paths.logs, { recursive: true });
      const log = fs.openSync(logFile(slot), "a");
      const child = spawn(process.execPath, ["build/server/index.js"], {
        cwd: folder(release),
        env: baseEnv({ PORT: String(port), INSTANCE_NAME: slot, RELEASE: release }),
        detached: true,
        stdio: ["ignore", log, log],
      });
      fs.closeSync(log);
      child.unref();
      fs.writeFileSync(pidFile(slot), `${child.pid}\n`);
    },
    async stop(slot, graceSeconds) {
      const pid = pidOf(slot);
      if (pid && alive(pid)) {
        process.kill(pid, "SIGTERM");
        const deadline = Date.now() + graceSeconds * 1000;
        while (alive(pid) && Date.now() < deadline) await sleep(100);
        if (alive(pid)) process.kill(pid, "SIGKILL");
      }
      fs.rmSync(pidFile(slot), { force: true });
    },
    async isRunning(slot) {
      const pid = pidOf(slot);
      return pid !== undefined && alive(pid);
    },
    task: (release, script, args) =>
      run(process.execPath, [`build/scripts/${script}.js`, ...args], { cwd: folder(release), env: baseEnv() }),
    async exportAssets(release, into) {
      fs.cpSync(path.join(folder(release), "public", "build"), into, { recursive: true });
    },
    logHint: (slot) => logFile(slot),
    async commitOf(release) {
      try {
        const info = JSON.parse(fs.readFileSync(path.join(folder(release), "build", "build-info.json"), "utf8")) as { commit?: string };
        return info.commit && info.commit !== "unknown" ? info.commit : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
