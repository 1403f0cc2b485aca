import fs from "node:fs";
import path from "node:path";
import type { DeployConfig } from "./config";
import { run } from "./processes";
import { otherSlot, type Slot } from "./state";

/**
 * nginx's side of a switch: the upstream file (which slot takes traffic) and a
 * graceful reload. Also renders infra/nginx/kapatiran.conf for a private nginx
 * on loopback, so the deploy test runs the production file itself.
 */

/**
 * The upstream file: the live slot, and the idle one as `backup` so that an
 * idempotent request that fails to reach the live slot is tried there (during a
 * switch both run). max_fails=0: never mark a slot down — with one live server,
 * "down" would mean sending everything to the backup for 10 s.
 */
export function renderUpstream(live: Slot, ports: Record<Slot, number>, note: string): string {
  return [
    `# ${note.replace(/\n/g, " ")}`,
    `# Written by scripts/deploy; do not edit by hand.`,
    `server 127.0.0.1:${ports[live]} max_fails=0;`,
    `server 127.0.0.1:${ports[otherSlot(live)]} backup max_fails=0;`,
    "",
  ].join("\n");
}

/** The live slot named by an upstream file (the first server line that is not a backup). */
export function liveSlotIn(upstream: string, ports: Record<Slot, number>): Slot | undefined {
  const primary = upstream.split("\n").find((line) => /^\s*server\s/.test(line) && !/\bbackup\b/.test(line));
  const port = Number(primary?.match(/:(\d+)/)?.[1]);
  return (Object.keys(ports) as Slot[]).find((slot) => ports[slot] === port);
}

async function nginx(config: DeployConfig, args: string[]) {
  const [command = "nginx", ...prefix] = config.nginx;
  return run(command, [...prefix, ...args]);
}

/**
 * Point nginx at `live` and reload gracefully: new workers take new requests,
 * old ones finish what they hold. The file is replaced atomically; if nginx
 * rejects the configuration the old file is put back and nothing changes.
 */
export async function switchUpstream(config: DeployConfig, live: Slot, note: string) {
  const file = config.upstreamFile;
  const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, renderUpstream(live, config.ports, note));
  fs.renameSync(temporary, file);
  const tested = await nginx(config, ["-t", "-q"]);
  if (tested.code !== 0) {
    if (before === undefined) fs.rmSync(file, { force: true });
    else fs.writeFileSync(file, before);
    throw new Error(`nginx rejected the new upstream (nothing switched): ${tested.output.trim()}`);
  }
  const reloaded = await nginx(config, ["-s", "reload"]);
  if (reloaded.code !== 0) throw new Error(`nginx reload failed: ${reloaded.output.trim()}`);
}

// ---------- rendering the site file for a private nginx (tests) ----------

/** What infra/nginx/kapatiran.conf says for the production box; `renderSite` swaps these. */
export const PRODUCTION_SITE = {
  listen: ["listen 80 default_server;", "listen [::]:80 default_server;"],
  assetsRoot: "root /srv/kapatiran/assets;",
  upstreamFile: "include /etc/nginx/kapatiran-upstream.conf;",
  accessLog: "access_log /var/log/nginx/kapatiran.access.log kapatiran;",
} as const;

export interface SiteOptions {
  /** e.g. 127.0.0.1:18080 */
  listen: string;
  assetsRoot: string;
  upstreamFile: string;
  accessLog: string;
}

/** The production site file with its box-specific lines replaced; throws if one is no longer there. */
export function renderSite(template: string, options: SiteOptions): string {
  const swap = (text: string, from: string, to: string) => {
    if (!text.includes(from)) throw new Error(`infra/nginx/kapatiran.conf no longer contains "${from}"`);
    return text.replace(from, to);
  };
  let site = swap(template, PRODUCTION_SITE.listen[0], `listen ${options.listen};`);
  site = swap(site, PRODUCTION_SITE.listen[1], "");
  site = swap(site, PRODUCTION_SITE.assetsRoot, `root ${options.assetsRoot};`);
  site = swap(site, PRODUCTION_SITE.upstreamFile, `include ${options.upstreamFile};`);
  site = swap(site, PRODUCTION_SITE.accessLog, `access_log ${options.accessLog} kapatiran;`);
  return site;
}

/**
 * A whole nginx.conf around the site, like Debian's but everything under
 * `prefix` (pid, logs, temp folders): run with `nginx -p prefix -c conf -e log`.
 */
export function renderPrivateNginx(prefix: string, site: string, workers = 2): string {
  return `# A private nginx for tests, around infra/nginx/kapatiran.conf.
worker_processes ${workers};
pid ${path.join(prefix, "nginx.pid")};
error_log ${path.join(prefix, "error.log")} warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path ${path.join(prefix, "client_body")};
    proxy_temp_path ${path.join(prefix, "proxy")};
    fastcgi_temp_path ${path.join(prefix, "fastcgi")};
    uwsgi_temp_path ${path.join(prefix, "uwsgi")};
    scgi_temp_path ${path.join(prefix, "scgi")};
${site}
}
`;
}
