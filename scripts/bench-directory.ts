/**
 * Directory benchmark: starts the built server in production mode against
 * DATABASE_URL, opens a session for the large church's administrator and
 * times directory pages and searches. Prints figures; it does not pass or fail.
 *
 * Production mode matters: React renders several times faster than in
 * development. Production refuses the local sign-in provider, so the script
 * opens the session directly in the session store, as a sign-in would.
 *
 *   createdb kapatiran_bench
 *   DATABASE_URL=postgres://…/kapatiran_bench npm run seed -- --members 10000
 *   DATABASE_URL=postgres://…/kapatiran_bench npm run build && npm run bench:directory
 */
import { spawn } from "node:child_process";
import zlib from "node:zlib";
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { PostgresSessionStore } from "~/auth/session-store.server";
import { openDatabase } from "~/db/client.server";
import { users } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { browse, CookieJar } from "./support/browser-session";
import { commandLine, freePort } from "./support/options";

const USAGE = `Usage: npm run bench:directory [-- --requests N] [-- --email E] [-- --cpu-profile DIR]

Times GET /directory (several pages) and searches against the built server
(npm run build first) in production mode on DATABASE_URL, as E (default
admin@big.example, made by: npm run seed -- --members 10000). Prints the median and
p95 server time (the Server-Timing header: arrival to headers, the page rendered
whole), the median round trip seen by this script, and the compressed size of a
directory page. --cpu-profile DIR writes the server's V8 CPU profile to DIR.`;

const { option } = commandLine(USAGE);
const requests = Number(option("--requests", "200"));
// Typos and missing accents on purpose: the search is typo-tolerant.
const SEARCHES = ["santos", "Penaflor", "mria", "dela cruz", "Villanueva", "reyes jos", "bautsta"];
const email = option("--email", "admin@big.example");
// --cpu-profile DIR: the server writes a V8 CPU profile there when it stops
// (open it in Chrome's developer tools) to see where a page's time goes.
const profileDir = option("--cpu-profile", "");
const profileFlags = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to the seeded benchmark database (see --help).");
  process.exit(1);
}

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [...profileFlags, "build/server/index.js"], {
  env: {
    ...process.env,
    PORT: String(port),
    APP_URL: baseUrl,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    SESSION_SECRET: crypto.randomBytes(32).toString("base64url"),
    // Never contacted: the session is opened below, not through sign-in.
    COGNITO_DOMAIN: "auth.bench.invalid",
    COGNITO_CLIENT_ID: "bench",
    COGNITO_USER_POOL_ID: "ap-southeast-1_bench",
    AWS_REGION: "ap-southeast-1",
    // No Redis: sessions in PostgreSQL, where this script writes them.
    REDIS_URL: "",
  },
  stdio: ["ignore", "ignore", "inherit"],
});

try {
  await waitUntilReady();
  const jar = await openSession(email);

  const pages = await time(jar, requests, (i) => `/directory?page=${1 + (i % 40)}`);
  const searches = await time(jar, requests, (i) => `/directory?q=${encodeURIComponent(SEARCHES[i % SEARCHES.length]!)}`);
  const html = await (await browse(jar, `${baseUrl}/directory`)).text();
  const gzip = zlib.gzipSync(html).length;

  const line = (label: string, figures: Awaited<ReturnType<typeof time>>) =>
    console.log(
      `${label} server median ${figures.median.toFixed(1)} ms  p95 ${figures.p95.toFixed(1)} ms   ` +
        `(round trip median ${figures.wall.median.toFixed(1)} ms, ${requests} requests)`,
    );
  line("directory page  ", pages);
  line("directory search", searches);
  console.log(`directory page HTML ${(html.length / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);
} finally {
  server.kill("SIGTERM");
}

async function time(jar: CookieJar, count: number, pathFor: (i: number) => string) {
  const durations: number[] = [];
  const serverTimes: number[] = [];
  // Warm up: the first requests pay for JIT and cold caches.
  for (let i = 0; i < 10; i++) await (await browse(jar, `${baseUrl}${pathFor(i)}`)).arrayBuffer();
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await browse(jar, `${baseUrl}${pathFor(i)}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${pathFor(i)} answered ${response.status}`);
    durations.push(performance.now() - started);
    serverTimes.push(Number(/app;dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")?.[1] ?? NaN));
  }
  return { ...percentiles(serverTimes), wall: percentiles(durations) };
}

function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.floor(sorted.length * 0.95)]! };
}

/** A session for `email` straight in the store; the production cookie name carries it. */
async function openSession(address: string): Promise<CookieJar> {
  const connection = await openDatabase({ url: process.env.DATABASE_URL });
  try {
    const [user] = await acrossChurches((tx) => tx.select().from(users).where(eq(users.email, address)), connection.db);
    if (!user) throw new Error(`no user ${address} (is the large church seeded? npm run seed -- --members 10000)`);
    const token = await new PostgresSessionStore({ idleMinutes: 30, absoluteMinutes: 60 }, connection.db).create(user.id);
    const jar = new CookieJar();
    jar.cookies.set("__Host-kapatiran_session;/", { name: "__Host-kapatiran_session", value: token, path: "/" });
    return jar;
  } finally {
    await connection.close();
  }
}

async function waitUntilReady() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("the server exited; see its output above");
    if (await fetch(`${baseUrl}/readyz`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the server was not ready within 60 s");
}
