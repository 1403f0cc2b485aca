import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "./env.server";

let cached: string | undefined;

/**
 * SESSION_SECRET, or in development one generated once into DATA_DIR so that
 * restarts keep sign-in working. Production refuses to start without it (env).
 */
export function sessionSecret(): string {
  if (cached) return cached;
  if (env.SESSION_SECRET) return (cached = env.SESSION_SECRET);
  const file = path.join(env.DATA_DIR, "session-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(env.DATA_DIR, { recursive: true });
    // `wx` fails if another process wrote it first; then we read theirs.
    try {
      fs.writeFileSync(file, crypto.randomBytes(48).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return (cached = fs.readFileSync(file, "utf8").trim());
}

/** A purpose-bound key derived from the session secret, so one secret serves several uses safely. */
export function derivedSecret(purpose: string): string {
  return crypto.createHmac("sha256", sessionSecret()).update(purpose).digest("base64url");
}
