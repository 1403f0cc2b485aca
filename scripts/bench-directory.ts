/**
 * Directory benchmark: starts the built server against DATABASE_URL, signs in
 * as the large church's administrator and times directory pages and searches.
 * Prints figures; it does not pass or fail.
 *
 *   createdb kapatiran_bench
 *   DATABASE_URL=postgres://…/kapatiran_bench npm run seed -- --members 10000
 *   DATABASE_URL=postgres://…/kapatiran_bench npm run build && npm run bench:directory
 */
import { spawn } from "node:child_process";
import net from "node:net";
import zlib from "node:zlib";
import { browse, signIn, type CookieJar } from "./support/browser-session";

const USAGE = `Usage: npm run bench:directory [-- --requests N] [-- --email E]

Times GET /directory (several pages) and searches against the built server
(npm run build first) on DATABASE_URL, signed in as E (default admin@big.example,
made by: npm run seed -- --members 10000). Prints median and p95 milliseconds
(measured on loopback, so it is server time plus well under a millisecond) and
the compressed size of a directory page.`;

const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log(USAGE);
  process.exit(0);
}
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : (args[at + 1] ?? fallback);
};
const requests = Number(option("--requests", "200"));
// Typos and missing accents on purpose: the search is typo-tolerant.
const SEARCHES = ["santos", "Penaflor", "mria", "dela cruz", "Villanueva", "reyes jos", "bautsta"];
const email = option("--email", "admin@big.example");
if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to the seeded benchmark database (see --help).");
  process.exit(1);
}

const port = await new Promise<number>((resolve) => {
  const probe = net.createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address() as net.AddressInfo;
    probe.close(() => resolve(port));
  });
});
const baseUrl = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ["build/server/index.js"], {
  env: {
    ...process.env,
    PORT: String(port),
    APP_URL: baseUrl,
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    AUTH_RATE_LIMIT_PER_MINUTE: "100000",
  },
  stdio: ["ignore", "ignore", "inherit"],
});

try {
  await waitUntilReady();
  const { jar, finished } = await signIn(baseUrl, email);
  if (finished.status !== 302) throw new Error(`could not sign in as ${email} (is the large church seeded?)`);

  const pages = await time(jar, requests, (i) => `/directory?page=${1 + (i % 40)}`);
  const searches = await time(jar, requests, (i) => `/directory?q=${encodeURIComponent(SEARCHES[i % SEARCHES.length]!)}`);
  const html = await (await browse(jar, `${baseUrl}/directory`)).text();
  const gzip = zlib.gzipSync(html).length;

  console.log(`directory page   median ${pages.median.toFixed(1)} ms   p95 ${pages.p95.toFixed(1)} ms   (${requests} requests)`);
  console.log(`directory search median ${searches.median.toFixed(1)} ms   p95 ${searches.p95.toFixed(1)} ms   (${requests} requests)`);
  console.log(`directory page HTML ${(html.length / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzip`);
} finally {
  server.kill("SIGTERM");
}

async function time(jar: CookieJar, count: number, pathFor: (i: number) => string) {
  const durations: number[] = [];
  // Warm up: the first requests pay for JIT and cold caches.
  for (let i = 0; i < 10; i++) await (await browse(jar, `${baseUrl}${pathFor(i)}`)).arrayBuffer();
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await browse(jar, `${baseUrl}${pathFor(i)}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${pathFor(i)} answered ${response.status}`);
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  return { median: durations[Math.floor(count / 2)]!, p95: durations[Math.floor(count * 0.95)]! };
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
