import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import autocannon from "autocannon";
import WebSocket from "ws";
import { openSession, sessionCookie } from "./support/bench-server";
import { freePort } from "../support/options";

const db = "postgres://postgres@127.0.0.1:5432/kapatiran_bench";
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const out = fs.openSync("/tmp/alloc-server.log", "w");
const child = spawn(process.execPath, ["--inspect=127.0.0.1:9339", "build/server/index.js"], {
  env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: db, APP_URL: baseUrl, LOG_LEVEL: "warn",
    SESSION_SECRET: crypto.randomBytes(32).toString("base64url"), COGNITO_DOMAIN: "auth.bench.invalid", COGNITO_CLIENT_ID: "bench",
    COGNITO_USER_POOL_ID: "ap-southeast-1_bench", AWS_REGION: "ap-southeast-1", REDIS_URL: "", WEB_CONCURRENCY: "1" },
  stdio: ["ignore", out, out],
});
for (;;) { if (await fetch(`${baseUrl}/readyz`).then((r) => r.ok, () => false)) break; await new Promise((r) => setTimeout(r, 200)); }
const cookie = sessionCookie(await openSession(db));
const path = process.env.PAGE ?? "/directory";
const run = (seconds: number) => autocannon({ url: `${baseUrl}${path}`, connections: 25, duration: seconds, headers: { cookie, referer: `${baseUrl}/` } }) as unknown as Promise<any>;
await run(5);
const [target] = (await (await fetch("http://127.0.0.1:9339/json/list")).json()) as { webSocketDebuggerUrl: string }[];
const ws = new WebSocket(target!.webSocketDebuggerUrl);
await new Promise((r) => ws.once("open", r));
let id = 0;
const call = (method: string, params: object = {}) => new Promise<any>((resolve) => {
  const my = ++id;
  const on = (data: WebSocket.RawData) => { const msg = JSON.parse(data.toString()); if (msg.id === my) { ws.off("message", on); resolve(msg.result); } };
  ws.on("message", on);
  ws.send(JSON.stringify({ id: my, method, params }));
});
await call("Profiler.enable");
await call("Profiler.setSamplingInterval", { interval: 200 });
await call("Profiler.start");
const result = await run(10);
const { profile } = await call("Profiler.stop");
const requests = result.requests.total as number;
console.log(`requests ${requests} (${Math.round(requests / 10)}/s)`);
type N = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
const nodes = new Map<number, N>((profile.nodes as N[]).map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of nodes.values()) for (const c of n.children ?? []) parent.set(c, n.id);
const counts = new Map<number, number>();
for (const id of profile.samples as number[]) counts.set(id, (counts.get(id) ?? 0) + 1);
const total = (profile.samples as number[]).length;
const short = (u: string) => u.replace(/^.*node_modules\//, "nm:").replace(/^file:\/\/\/work\/main\//, "");
const key = (n: N) => `${n.callFrame.functionName || "(anon)"} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const incl = new Map<string, number>();
const selfT = new Map<string, number>();
for (const [id, c] of counts) {
  const seen = new Set<string>();
  let cur: number | undefined = id;
  selfT.set(key(nodes.get(id)!), (selfT.get(key(nodes.get(id)!)) ?? 0) + c);
  while (cur !== undefined) { const k = key(nodes.get(cur)!); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + c); } cur = parent.get(cur); }
}
const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(100 * v / total).toFixed(1).padStart(5)} %  ${k}`).join("\n");
console.log("== self\n" + top(selfT, 25));
console.log("== inclusive\n" + top(incl, 70));
ws.close();
child.kill("SIGTERM");
await new Promise((r) => child.once("exit", r));
