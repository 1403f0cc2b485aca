import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Slot } from "./state";

/**
 * Settings of the deploy tools, from flags first, then the environment, then
 * defaults for the production box. The app's own settings live in the env
 * file both slots are started with (DEPLOY_ROOT/app.env); the tools read
 * DATABASE_URL from there too, so the box has one place for secrets.
 */
export interface DeployConfig {
  root: string;
  envFile: string;
  runner: "node" | "docker";
  /** docker: the image repository (ECR), tagged with the release. */
  image: string | undefined;
  /** docker: the data volume both slots mount at DATA_DIR. */
  dataVolume: string;
  /**
   * docker: "bridge" (a loopback port mapped to the container's 3000) or "host" (the
   * container listens on the slot's port itself and reaches a PostgreSQL that listens
   * on the box's loopback, as on the single box).
   */
  dockerNetwork: "bridge" | "host";
  ports: Record<Slot, number>;
  upstreamFile: string;
  /** How to run nginx: "nginx", or "nginx -p /prefix -c /conf" for a private one. */
  nginx: string[];
  readyTimeoutSeconds: number;
  drainSeconds: number;
  keepAssetReleases: number;
  keepBackups: number;
  backupCommand: string | undefined;
  smokeUrl: string;
  actor: string;
}

export interface Flags {
  args: string[];
  has(name: string): boolean;
  value(name: string): string | undefined;
}

export function readFlags(args: string[]): Flags {
  return {
    args,
    has: (name) => args.includes(name),
    value(name) {
      const at = args.indexOf(name);
      if (at === -1) return undefined;
      const value = args[at + 1];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${name} needs a value`);
      return value;
    },
  };
}

export class UsageError extends Error {}

function whole(name: string, text: string | undefined, fallback: number, minimum = 0): number {
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) throw new UsageError(`${name} must be a whole number of ${minimum} or more (got "${text}")`);
  return value;
}

export function loadConfig(flags: Flags, processEnvironment: Record<string, string | undefined> = process.env): DeployConfig {
  const root = path.resolve(flags.value("--root") ?? processEnvironment.DEPLOY_ROOT ?? "/srv/kapatiran");
  // The box's own deploy settings (DEPLOY_ROOT/deploy.env, written at first boot), under
  // the environment: SSM Run Command starts the tools with a bare environment.
  const boxFile = path.join(root, "deploy.env");
  const environment = { ...(fs.existsSync(boxFile) ? parseEnvFile(fs.readFileSync(boxFile, "utf8")) : {}), ...processEnvironment };
  const runner = flags.value("--runner") ?? environment.DEPLOY_RUNNER ?? "docker";
  if (runner !== "node" && runner !== "docker") throw new UsageError(`--runner must be "docker" or "node" (got "${runner}")`);
  // The repository; a tag given with it ("…/kapatiran:abc123") is dropped: the release is the tag.
  const image = (flags.value("--image") ?? environment.DEPLOY_IMAGE)?.replace(/:[^/:]+$/, "");
  if (runner === "docker" && !image && !flags.has("--help")) {
    throw new UsageError("the docker runner needs --image (or DEPLOY_IMAGE), e.g. 123456789012.dkr.ecr.ap-southeast-1.amazonaws.com/kapatiran");
  }
  return {
    root,
    envFile: path.resolve(flags.value("--env-file") ?? environment.DEPLOY_ENV_FILE ?? path.join(root, "app.env")),
    runner,
    image,
    dataVolume: environment.DEPLOY_DATA_VOLUME ?? "kapatiran-data:/var/lib/kapatiran",
    dockerNetwork: dockerNetwork(environment.DEPLOY_DOCKER_NETWORK),
    ports: {
      blue: whole("BLUE_PORT", flags.value("--blue-port") ?? environment.BLUE_PORT, 3001, 1),
      green: whole("GREEN_PORT", flags.value("--green-port") ?? environment.GREEN_PORT, 3002, 1),
    },
    upstreamFile: path.resolve(flags.value("--upstream-file") ?? environment.NGINX_UPSTREAM_FILE ?? "/etc/nginx/kapatiran-upstream.conf"),
    nginx: (flags.value("--nginx") ?? environment.NGINX_COMMAND ?? "nginx").split(/\s+/).filter(Boolean),
    readyTimeoutSeconds: whole("--ready-timeout", flags.value("--ready-timeout") ?? environment.DEPLOY_READY_TIMEOUT, 60, 1),
    drainSeconds: whole("--drain", flags.value("--drain") ?? environment.DEPLOY_DRAIN_SECONDS, 30),
    keepAssetReleases: whole("DEPLOY_KEEP_ASSET_RELEASES", environment.DEPLOY_KEEP_ASSET_RELEASES, 5, 2),
    keepBackups: whole("DEPLOY_KEEP_BACKUPS", environment.DEPLOY_KEEP_BACKUPS, 10, 1),
    backupCommand: environment.BACKUP_COMMAND || undefined,
    smokeUrl: (flags.value("--smoke-url") ?? environment.SMOKE_URL ?? "http://127.0.0.1").replace(/\/$/, ""),
    actor: flags.value("--actor") ?? environment.DEPLOY_ACTOR ?? `${os.userInfo().username}@${os.hostname()}`,
  };
}

function dockerNetwork(text: string | undefined): "bridge" | "host" {
  if (text === undefined || text === "" || text === "bridge") return "bridge";
  if (text === "host") return "host";
  throw new UsageError(`DEPLOY_DOCKER_NETWORK must be "bridge" or "host" (got "${text}")`);
}

/**
 * The env file, docker's --env-file format: KEY=VALUE lines, # comments, no
 * quoting (the value is everything after the first "=").
 */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    values[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return values;
}

export function readEnvFile(file: string): Record<string, string> {
  if (!fs.existsSync(file)) throw new UsageError(`the app's env file ${file} does not exist (see README, Deploying)`);
  return parseEnvFile(fs.readFileSync(file, "utf8"));
}

/** Where things live under DEPLOY_ROOT. */
export function layout(root: string) {
  return {
    state: path.join(root, "state.json"),
    lock: path.join(root, "deploy.lock"),
    releases: path.join(root, "releases"),
    assets: path.join(root, "assets"),
    assetFiles: path.join(root, "assets", "build"),
    assetManifests: path.join(root, "assets", "releases"),
    backups: path.join(root, "backups"),
    run: path.join(root, "run"),
    logs: path.join(root, "logs"),
    work: path.join(root, "tmp"),
  };
}
