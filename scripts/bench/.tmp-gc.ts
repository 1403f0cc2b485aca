import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import autocannon from "autocannon";
import { openSession, sessionCookie } from "./support/bench-server";
import { freePort } from "../support/options";

const db = "postgres://postgres@127.0.0.1:5432/kapatiran_bench";
const flags = (process.env.FLAGS ?? "--trace-gc").split(" ").filter(Boolean);
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const out = fs.openSync("/tmp/gc.log", "w");
const child = spawn(process.execPath, [...flags, "build/server/index.js"], {
  env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: db, APP_URL: baseUrl, LOG_LEVEL: "warn",
    SESSION_SECRET: crypto.randomBytes(32).toString("base64url"), COGNITO_DOMAIN: "auth.bench.invalid", COGNITO_CLIENT_ID: "bench",
    COGNITO_USER_POOL_ID: "ap-southeast-1_bench", AWS_REGION: "ap-southeast-1", REDIS_URL: "", WEB_CONCURRENCY: process.env.PROCS ?? "2" },
  stdio: ["ignore", out, out],
});
for (;;) { if (await fetch(`${baseUrl}/readyz`).then((r) => r.ok, () => false)) break; await new Promise((r) => setTimeout(r, 200)); }
const cookie = sessionCookie(await openSession(db));
const headers = { cookie, referer: `${baseUrl}/` };
const run = (seconds: number) => {
  const slow: [number, number][] = [];
  const all: number[] = [];
  const start = Date.now();
  const inst = autocannon({ url: `${baseUrl}/directory`, connections: 50, duration: seconds, headers }) as any;
  inst.on("response", (_c: unknown, status: number, _b: number, ms: number) => { all.push(ms); if (ms > 60) slow.push([Date.now() - start, Math.round(ms)]); });
  return (inst as Promise<any>).then(() => ({ slow, all, start }));
};
await run(5);
fs.writeFileSync("/tmp/gc.mark", "");
const markPos = fs.statSync("/tmp/gc.log").size;
const { slow, all, start } = await run(20);
all.sort((a, b) => a - b);
const q = (p: number) => all[Math.floor(all.length * p)];
console.log(`req ${all.length} (${Math.round(all.length / 20)}/s) p50 ${q(0.5)} p95 ${q(0.95)} p99 ${q(0.99)} max ${all.at(-1)}`);
// slow responses bucketed per 100 ms
const buckets = new Map<number, number>();
for (const [t] of slow) buckets.set(Math.floor(t / 100), (buckets.get(Math.floor(t / 100)) ?? 0) + 1);
console.log("slow(>60ms) per 100ms window, top:", [...buckets].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([w, n]) => `${(w / 10).toFixed(1)}s:${n}`).join(" "));
child.kill("SIGTERM");
await new Promise((r) => child.once("exit", r));
const log = fs.readFileSync("/tmp/gc.log", "utf8").slice(markPos);
const pauses: { kind: string; ms: number; pid: string }[] = [];
for (const line of log.split("\n")) {
  const m = /^\[(\d+):[^\]]*\]\s+\d+ ms: (Scavenge|Mark-Compact|Minor Mark-Compact)[^,]*, ([\d.]+) \/ ([\d.]+) ms/.exec(line);
  if (m) pauses.push({ pid: m[1]!, kind: m[2]!, ms: Number(m[3]) });
}
const byKind = new Map<string, number[]>();
for (const p of pauses) { const k = `${p.pid} ${p.kind}`; byKind.set(k, [...(byKind.get(k) ?? []), p.ms]); }
for (const [k, v] of byKind) { v.sort((a, b) => a - b); console.log(k, "n", v.length, "sum", Math.round(v.reduce((a, b) => a + b, 0)), "max", v.at(-1), "p50", v[Math.floor(v.length / 2)]); }
console.log("start", start);
