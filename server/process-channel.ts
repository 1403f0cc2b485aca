import cluster, { type Worker } from "node:cluster";

/**
 * Questions and answers between the primary process and its workers
 * (server/workers.ts), over node:cluster's message channel: a worker asks the
 * primary for the Prometheus figures of every process or a rate-limit count;
 * the primary asks each worker for its minute's figures. Each question carries
 * an id and its answer the same id; a question not answered in time is an
 * error for the asker, never a hang.
 */
type Handler = (payload: unknown) => unknown;

interface Question {
  kapatiran: "ask";
  id: number;
  topic: string;
  payload?: unknown;
}
interface Answer {
  kapatiran: "answer";
  id: number;
  result?: unknown;
  error?: string;
}
type Message = Question | Answer;

const handlers = new Map<string, Handler>();
/** Questions sent and not yet answered; in the primary, each with the worker it went to. */
const waiting = new Map<number, { topic: string; worker?: number; answered: (value: unknown) => void; giveUp: (error: Error) => void }>();
let lastId = 0;
let listening = false;

const isOurs = (message: unknown): message is Message =>
  typeof message === "object" && message !== null && "kapatiran" in message && typeof (message as Message).id === "number";

/** Answers questions about `topic`: in a worker, the primary's; in the primary, any worker's. */
export function answer(topic: string, handler: Handler) {
  handlers.set(topic, handler);
  listen();
}

/** In a worker: the primary's answer about `topic`. */
export function askPrimary<T>(topic: string, payload?: unknown, timeoutMs = 2_000): Promise<T> {
  return ask((message, failed) => process.send!(message, undefined, {}, failed), topic, payload, timeoutMs);
}

/** In the primary: `worker`'s answer about `topic`. */
export function askWorker<T>(worker: Worker, topic: string, payload?: unknown, timeoutMs = 2_000): Promise<T> {
  return ask((message, failed) => worker.send(message, failed), topic, payload, timeoutMs, worker.id);
}

/**
 * Every send passes a callback: without one, sending to a process that has
 * just died (killed, not yet reaped) emits an "error" event nobody listens
 * to, and that would end the primary and every app process with it.
 */
type Send<M> = (message: M, failed: (error: Error | null) => void) => void;

function ask<T>(send: Send<Question>, topic: string, payload: unknown, timeoutMs: number, worker?: number): Promise<T> {
  listen();
  const id = ++lastId;
  return new Promise<T>((resolve, reject) => {
    /** Answered or given up: either way the question is no longer waiting. */
    const settled = () => {
      clearTimeout(timer);
      waiting.delete(id);
    };
    const giveUp = (error: unknown) => {
      settled();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const answered = (value: unknown) => {
      settled();
      resolve(value as T);
    };
    const timer = setTimeout(() => giveUp(new Error(`no answer about ${topic} within ${timeoutMs} ms`)), timeoutMs);
    waiting.set(id, { topic, worker, answered, giveUp });
    try {
      send({ kapatiran: "ask", id, topic, payload }, (error) => {
        if (error) giveUp(error);
      });
    } catch (error) {
      giveUp(error);
    }
  });
}

const ignoreFailure = () => {}; // the asker went away meanwhile: nobody waits for this answer

function listen() {
  if (listening) return;
  listening = true;
  if (cluster.isPrimary) {
    cluster.on("message", (worker, message: unknown) => received(message, (reply) => worker.send(reply, ignoreFailure)));
    // A worker that ends will answer nothing more: its questions fail now, not at their time limits.
    cluster.on("exit", (worker) => {
      for (const question of waiting.values()) {
        if (question.worker === worker.id) question.giveUp(new Error(`the app process ended before answering about ${question.topic}`));
      }
    });
  } else {
    process.on("message", (message: unknown) => received(message, (reply) => process.send!(reply, undefined, {}, ignoreFailure)));
  }
}

function received(message: unknown, reply: (answer: Answer) => void) {
  if (!isOurs(message)) return; // prom-client's own cluster messages, among others
  if (message.kapatiran === "answer") {
    const asker = waiting.get(message.id);
    if (!asker) return; // answered after the asker gave up
    if (message.error !== undefined) asker.giveUp(new Error(message.error));
    else asker.answered(message.result);
    return;
  }
  const handler = handlers.get(message.topic);
  Promise.resolve()
    .then(() => {
      if (!handler) throw new Error(`nobody answers ${message.topic}`);
      return handler(message.payload);
    })
    .then(
      (result) => reply({ kapatiran: "answer", id: message.id, result }),
      (error: unknown) => reply({ kapatiran: "answer", id: message.id, error: error instanceof Error ? error.message : String(error) }),
    )
    .catch(() => {}); // the other side went away meanwhile
}
