import fs from "node:fs";
import path from "node:path";
import { env } from "./env.server";

/** What is running: shown at /healthz and in the start-up log line. */
export interface BuildInfo {
  /** The deploy's RELEASE when it set one, else the name given at build time. */
  release: string;
  commit: string;
  /** ISO 8601, when `npm run build` ran. */
  builtAt: string;
}

/**
 * Read once, at start: build/build-info.json is written by `npm run build`
 * (scripts/build-info.ts), from the Docker build arguments in the image and
 * from git on a developer's machine. Reading a file the build made keeps the
 * image's file system read-only at run time.
 */
function readBuildInfo(): BuildInfo {
  let written: Partial<BuildInfo> = {};
  try {
    written = JSON.parse(fs.readFileSync(path.resolve("build/build-info.json"), "utf8")) as Partial<BuildInfo>;
  } catch {
    // No build yet (a script run through tsx): say so rather than fail.
  }
  const commit = written.commit || "unknown";
  return Object.freeze({
    release: env.RELEASE ?? (written.release || "dev"),
    commit,
    builtAt: written.builtAt || "unknown",
  });
}

export const buildInfo: BuildInfo = readBuildInfo();
