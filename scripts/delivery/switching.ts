import type { DeployConfig } from "./config";
import { switchUpstream } from "./nginx";
import { sleep } from "./processes";
import type { Runner } from "./runners";
import { formatResult, releaseInHealth, runSmoke, type CheckResult } from "./smoke-checks";
import type { Slot } from "./state";

/** The steps deploy and rollback share: bring a slot up, switch to it, drain the other. */

/** The app finishes requests in flight within 10 s of SIGTERM (server/shutdown.ts); a little more before killing. */
export const STOP_GRACE_SECONDS = 15;

export interface Context {
  config: DeployConfig;
  runner: Runner;
  say: (line: string) => void;
}

async function readiness(url: string): Promise<{ ok: boolean; said: string }> {
  try {
    const response = await fetch(url, { headers: { connection: "close" }, signal: AbortSignal.timeout(3000) });
    return { ok: response.status === 200, said: `${response.status} ${(await response.text()).slice(0, 200)}` };
  } catch (error) {
    return { ok: false, said: (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message };
  }
}

/**
 * Start `release` in `slot` and wait (bounded) until its /readyz answers 200.
 * On timeout, or if it exits, it is stopped again; traffic was never near it.
 */
export async function bringUp(context: Context, slot: Slot, release: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const { config, runner, say } = context;
  const port = config.ports[slot];
  if (await runner.isRunning(slot)) {
    say(`${slot} is still running something: stopping it first`);
    await runner.stop(slot, STOP_GRACE_SECONDS);
  }
  say(`starting ${release} in ${slot} (127.0.0.1:${port})`);
  await runner.start(slot, release, port);
  const deadline = Date.now() + config.readyTimeoutSeconds * 1000;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    const answer = await readiness(`http://127.0.0.1:${port}/readyz`);
    if (answer.ok) return { ok: true };
    last = answer.said;
    if (!(await runner.isRunning(slot))) {
      return { ok: false, reason: `${release} exited in ${slot} before it was ready (see ${runner.logHint(slot)})` };
    }
    await sleep(250);
  }
  await runner.stop(slot, STOP_GRACE_SECONDS);
  return {
    ok: false,
    reason: `${release} was not ready within ${config.readyTimeoutSeconds} s in ${slot} (last /readyz: ${last}); stopped it (see ${runner.logHint(slot)})`,
  };
}

/** Whether `slot` already runs `release` and is ready (a rollback soon after a deploy can reuse it). */
export async function alreadyUp(context: Context, slot: Slot, release: string): Promise<boolean> {
  if (!(await context.runner.isRunning(slot))) return false;
  const port = context.config.ports[slot];
  try {
    const health = await fetch(`http://127.0.0.1:${port}/healthz`, { headers: { connection: "close" }, signal: AbortSignal.timeout(3000) });
    if (releaseInHealth(await health.text()) !== release) return false;
  } catch {
    return false;
  }
  return (await readiness(`http://127.0.0.1:${port}/readyz`)).ok;
}

/** Answers in a row, each on a new connection, that must name the new release. */
const CONFIRMATIONS = 5;

/**
 * After a reload, wait until nginx's new workers answer: /healthz through nginx
 * names the new release (when /healthz names releases at all), bounded. One
 * answer is not enough: for a moment after `nginx -s reload` an old worker
 * that has not yet been told to stop can still accept a new connection and
 * send it to the old slot, so the smoke tests would half-test the old release
 * (and a sign-in that spans two requests would meet two processes).
 */
async function waitForRelease(baseUrl: string, release: string) {
  const deadline = Date.now() + 10_000;
  let inARow = 0;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/healthz`, { headers: { connection: "close" }, signal: AbortSignal.timeout(3000) });
      const named = releaseInHealth(await response.text());
      if (named === undefined) return sleep(1000); // cannot tell: give the reload a moment
      inARow = named === release ? inARow + 1 : 0;
      if (inARow >= CONFIRMATIONS) return;
    } catch {
      inARow = 0; // nginx between workers: ask again
    }
    await sleep(50);
  }
  throw new Error(`nginx still does not answer with ${release} every time, 10 s after the reload`);
}

/** Point nginx at `slot`, then run the smoke tests through it. */
export async function switchTo(context: Context, slot: Slot, release: string, note: string): Promise<CheckResult[]> {
  const { config, say } = context;
  await switchUpstream(config, slot, note);
  say(`nginx now sends traffic to ${slot} (${release}); smoke tests through ${config.smokeUrl}`);
  await waitForRelease(config.smokeUrl, release);
  const results = await runSmoke(config.smokeUrl);
  for (const result of results) say(`  ${formatResult(result)}`);
  return results;
}

/** Let requests the old slot still holds finish, then stop it (its release stays for rollback). */
export async function drainAndStop(context: Context, slot: Slot) {
  const { config, runner, say } = context;
  if (!(await runner.isRunning(slot))) return;
  say(`draining ${slot} for ${config.drainSeconds} s, then stopping it`);
  await sleep(config.drainSeconds * 1000);
  await runner.stop(slot, STOP_GRACE_SECONDS);
}
