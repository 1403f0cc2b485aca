/**
 * Operations drill: issue 8's "How it will be checked", as a script that
 * prints what it saw. It starts the built server (npm run build first) on a
 * fresh embedded database with the test-only fault switch allowed, a real
 * SMTP server for the operators' mail, and drives a steady load with
 * autocannon while, for five "minutes", one route fails 10 % of requests.
 * Then it reads what an operator would: the alert e-mails, the dashboard,
 * /metrics (parsed as Prometheus text), the EMF lines (checked against the
 * EMF specification) and the server's log (searched for e-mail addresses).
 *
 *   npm run build && npm run drill:ops                        # real minutes: about 14 minutes
 *   npm run drill:ops -- --minute-seconds 5                   # the same story with 5-second "minutes"
 *
 * Exit code 1 when a check fails; the figures are printed either way.
 */
import { inbox, stopSmtp } from "../tests/support/smtp";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { emfProblems } from "../tests/support/emf-schema";
import { browse, postForm, signIn } from "./support/browser-session";
import { commandLine, freePort } from "./support/options";

const USAGE = `Usage: npm run drill:ops [-- --minute-seconds S] [-- --rate R] [-- --path P]

Starts the built server with ALLOW_FAULT_INJECTION and METRICS_INTERVAL_SECONDS=S
(default 60: real minutes), loads P (default /directory, signed in as
member@grace.example: the page members use most) at R requests a second
(default 20) with autocannon for 2 calm minutes, 5 minutes with P failing 10 %
of requests, and calm minutes until the error-rate alert clears (at most 8).
Prints the alert mails, the dashboard's figures beside autocannon's, and the
checks of /metrics, the EMF lines and the log.`;

const { option } = commandLine(USAGE);
const minuteSeconds = Number(option("--minute-seconds", "60"));
const rate = Number(option("--rate", "20"));
const target = option("--path", "/directory");
const minute = minuteSeconds * 1000;
const OPS = "ops@kapatiran.example";
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const results: { check: string; ok: boolean; detail: string }[] = [];
const check = (name: string, ok: boolean, detail: string) => {
  results.push({ check: name, ok, detail });
  console.log(`${ok ? "PASS" : "FAIL"}  ${name}: ${detail}`);
};
const within = (seen: number, expected: number, share: number) =>
  expected === 0 ? seen === 0 : Math.abs(seen - expected) / expected <= share;

// ---------------------------------------------------------------- the server

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-drill-"));
const logFile = path.join(dataDir, "server.log");
const emfFile = path.join(dataDir, "emf.log");
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const log = fs.openSync(logFile, "a");
const server = spawn(process.execPath, ["build/server/index.js"], {
  env: {
    ...process.env,
    PORT: String(port),
    APP_URL: baseUrl,
    NODE_ENV: "development",
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    REDIS_URL: "",
    LOG_LEVEL: "info",
    INSTANCE_NAME: "drill",
    METRICS_INTERVAL_SECONDS: String(minuteSeconds),
    EMF_FILE: emfFile,
    ALLOW_FAULT_INJECTION: "true",
    OPS_ALERT_EMAILS: OPS,
    SMTP_URL: process.env.SMTP_URL,
    METRICS_TOKEN: "",
    AUTH_RATE_LIMIT_PER_MINUTE: "600",
  },
  stdio: ["ignore", log, log],
});
const stopServer = async () => {
  if (server.exitCode !== null) return;
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
};

try {
  for (let tries = 0; ; tries++) {
    const ready = await fetch(`${baseUrl}/readyz`).catch(() => null);
    if (ready?.ok) break;
    if (tries > 120 || server.exitCode !== null) throw new Error(`the server did not start; see ${logFile}`);
    await sleep(500);
  }
  console.log(`Server ${baseUrl}, data and logs in ${dataDir}; "minute" = ${minuteSeconds} s; load ${rate}/s on ${target}`);

  const { jar: ops, finished } = await signIn(baseUrl, OPS);
  if (finished.status !== 302) throw new Error(`signing in as ${OPS} answered ${finished.status}`);
  const faults = `${baseUrl}/platform/ops/faults`;
  const member = await signIn(baseUrl, "member@grace.example");
  const cookie = member.jar.headerFor(`${baseUrl}${target}`);

  // ---------------------------------------------------------------- load, then faults, then calm

  const calmBefore = 2 * minute;
  const faulty = 5 * minute;
  const calmAfter = 8 * minute;
  // Without a callback autocannon returns a promise that is also its event emitter.
  const load = autocannon({
    url: `${baseUrl}${target}`,
    // One connection: requests follow each other as a steady stream of visitors, so no request's time on
    // the server is stretched by waiting behind another's rendering (Node renders one page at a time).
    connections: 1,
    overallRate: rate,
    headers: { cookie },
    duration: (calmBefore + faulty + calmAfter) / 1000,
  }) as Promise<autocannon.Result> & autocannon.Instance;
  // Every response's time as autocannon measured it (send to last byte); its summary's average is of
  // whole milliseconds of the 2xx answers only, corrected for coordinated omission.
  const responseTimes: number[] = [];
  load.on("response", (_client, _status, _bytes, responseTime) => responseTimes.push(responseTime));
  let loadDone = false;
  const loadResult = load.then((result) => {
    loadDone = true;
    return result;
  });

  await sleep(calmBefore);
  const started = await postForm(ops, faults, { intent: "start", pathPrefix: target, percent: "10", minutes: "60" });
  console.log(`Fault on: ${target} fails 10 % (answer ${started.status})`);
  await sleep(faulty);
  const stopped = await postForm(ops, faults, { intent: "stop" });
  console.log(`Fault off (answer ${stopped.status}); waiting for the alert to clear`);

  const alertMails = () => inbox.filter((mail) => mail.to.includes(OPS) && /error.rate/i.test(mail.decoded));
  const cleared = () => alertMails().some((mail) => /cleared/i.test(mail.decoded));
  while (!cleared() && !loadDone) await sleep(1000);
  // Stop the load once the alert cleared: its figures must cover the same requests as the dashboard's.
  if (!loadDone) load.stop();
  const report = await loadResult;
  await sleep(minute + 2000); // one more tick: the last requests are in a rollup

  // ---------------------------------------------------------------- what an operator sees

  const mails = alertMails();
  const fired = mails.filter((mail) => /fired|started|firing/i.test(mail.decoded) && !/cleared/i.test(mail.decoded));
  check("error-rate alert e-mailed once when it fired", fired.length === 1, `${fired.length} "fired" mail(s)`);
  check("error-rate alert e-mailed once when it cleared", mails.filter((m) => /cleared/i.test(m.decoded)).length === 1, `${mails.length} alert mail(s) in all`);

  const dashboard = await (await browse(ops, `${baseUrl}/platform/ops?window=hour`)).text();
  // The window's totals (the page also shows the last five minutes'), as raw numbers in data- attributes.
  const windowTotals = dashboard.slice(dashboard.indexOf('data-totals="window"'), dashboard.indexOf('data-totals="recent"'));
  const figure = (name: string) => {
    const match = windowTotals.match(new RegExp(`data-figure="${name}"[^>]*data-value="([0-9.]+)"`));
    return match ? Number(match[1]) : NaN;
  };
  check("the dashboard lists the error-rate alert, cleared", /data-alert="error_rate"[^>]*data-state="cleared"/.test(dashboard), "alert list");

  const sent = report.requests.total;
  const shown = figure("requests");
  // The drill's own requests (sign-in, fault switch, this page) are a handful beside the load.
  check("requests on the dashboard match autocannon within 10 %", within(shown, sent, 0.1), `dashboard ${shown}, autocannon ${sent}`);
  const perSecondSent = sent / report.duration;
  const perSecondShown = figure("requestsPerSecond");
  check(
    "request rate on the dashboard matches autocannon within 10 %",
    within(perSecondShown, perSecondSent, 0.1),
    `dashboard ${perSecondShown}/s (over the minutes with traffic), autocannon ${perSecondSent.toFixed(2)}/s over ${report.duration.toFixed(0)} s`,
  );
  const latencySent = responseTimes.reduce((sum, ms) => sum + ms, 0) / responseTimes.length;
  const latencyShown = figure("averageMs");
  check(
    "average latency on the dashboard matches autocannon within 10 %",
    within(latencyShown, latencySent, 0.1),
    `dashboard ${latencyShown} ms (server time: arrival to last byte written), autocannon ${latencySent.toFixed(2)} ms (round trip, every response; its summary's 2xx average ${report.latency.average} ms, p50 ${report.latency.p50} ms)`,
  );
  const errorsSent = report.non2xx;
  const errorRateShown = figure("errorRate");
  console.log(`      errors: autocannon saw ${errorsSent} non-2xx of ${sent} (${((100 * errorsSent) / sent).toFixed(2)} %); dashboard error rate ${errorRateShown} %`);

  const metricsText = await (await fetch(`${baseUrl}/metrics`)).text();
  let families: { name: string }[] = [];
  try {
    families = parsePrometheusTextFormat(metricsText) as { name: string }[];
  } catch (error) {
    check("/metrics parses as Prometheus text", false, String(error));
  }
  if (families.length > 0) check("/metrics parses as Prometheus text", true, `${families.length} metric families`);

  const emfLines = fs.existsSync(emfFile) ? fs.readFileSync(emfFile, "utf8").split("\n").filter(Boolean) : [];
  const badEmf = emfLines.flatMap((line, index) => emfProblems(line).map((p) => `line ${index + 1}: ${p}`));
  check("EMF lines follow the EMF specification", emfLines.length > 0 && badEmf.length === 0, `${emfLines.length} lines${badEmf.length ? `; ${badEmf.slice(0, 3).join("; ")}` : ""}`);
} catch (error) {
  check("drill ran", false, error instanceof Error ? error.message : String(error));
} finally {
  await stopServer();
  await stopSmtp();
  fs.closeSync(log);
}

const logLines = fs.readFileSync(logFile, "utf8").split("\n").filter(Boolean);
const leaking = logLines.filter((line) => EMAIL.test(line));
check("no log line holds an e-mail address", leaking.length === 0, `${logLines.length} lines, ${leaking.length} with an address`);

const failed = results.filter((result) => !result.ok);
console.log(failed.length === 0 ? "\nAll checks passed." : `\n${failed.length} check(s) failed.`);
process.exit(failed.length === 0 ? 0 : 1);
