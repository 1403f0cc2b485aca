import cluster, { type Worker } from "node:cluster";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { answer, askWorker } from "../../server/process-channel";

/**
 * The primary's side of server/process-channel.ts with real processes: a
 * worker that dies between the primary's question and its answer — killed,
 * or crashed mid-request — is an error for one question, never the end of the
 * primary (which would take every app process of the slot with it).
 */

const fixture = path.resolve(__dirname, "../fixtures/channel-worker.mjs");

/** "error" events on a worker: in the primary, one nobody listens to is thrown, and ends it. */
let workerErrors: Error[] = [];

function startWorker(mode: "idle" | "ask-and-exit"): Promise<Worker> {
  cluster.setupPrimary({ exec: fixture, args: [mode], silent: true });
  const worker = cluster.fork();
  worker.on("error", (error: Error) => workerErrors.push(error));
  return new Promise((resolve) => worker.once("online", () => resolve(worker)));
}

const exited = (worker: Worker) =>
  new Promise<void>((resolve) => (worker.process.exitCode !== null || worker.process.signalCode !== null ? resolve() : worker.process.once("exit", () => resolve())));

afterEach(() => {
  workerErrors = [];
  for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
});

describe("questions between the primary and its app processes", () => {
  it("makes a question to a process that has just died an error for the asker", async () => {
    const worker = await startWorker("idle");
    worker.process.kill("SIGKILL");
    await exited(worker);
    await expect(askWorker(worker, "take-minute", undefined, 5_000)).rejects.toThrow(/channel closed/i);
    expect(workerErrors).toEqual([]);
  });

  it("fails the questions to a process the moment it ends, not at their time limit", async () => {
    const worker = await startWorker("idle"); // hears the question, never answers
    const question = askWorker(worker, "take-minute", undefined, 30_000);
    const asked = Date.now();
    worker.process.kill("SIGKILL");
    await expect(question).rejects.toThrow("the app process ended before answering about take-minute");
    expect(Date.now() - asked).toBeLessThan(10_000);
    expect(workerErrors).toEqual([]);
  });

  it("drops the answer to a process that ended before it came", async () => {
    let answered!: () => void;
    const answeredNow = new Promise<void>((resolve) => (answered = resolve));
    let worker!: Worker;
    answer("slow-question", async () => {
      await exited(worker);
      setTimeout(answered, 100); // the reply is sent once this handler returns
      return "too late";
    });
    worker = await startWorker("ask-and-exit");
    await answeredNow;
    expect(worker.isConnected()).toBe(false);
    expect(workerErrors).toEqual([]);
  });
});
