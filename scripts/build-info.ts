/**
 * Writes build/build-info.json: which commit a build is, when it was made and
 * the release name it carries. `npm run build` runs it last; the server reads
 * the file once at start (app/utils/build-info.server.ts) and shows it at
 * /healthz and in its "Kapatiran is listening" line.
 *
 * The Docker build has no .git (see .dockerignore), so CI passes the facts in
 * as build arguments, which reach this script as environment variables:
 *   KAPATIRAN_COMMIT    the commit (CI: github.sha); else `git rev-parse HEAD`; else "unknown"
 *   KAPATIRAN_BUILT_AT  an ISO 8601 time; else now
 *   KAPATIRAN_RELEASE   the release name (CI: the image tag); else the short commit
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { commandLine } from "./support/options";

commandLine(`Usage: tsx scripts/build-info.ts

Writes build/build-info.json ({ release, commit, builtAt }) for /healthz and the start-up log.
Reads KAPATIRAN_COMMIT, KAPATIRAN_BUILT_AT and KAPATIRAN_RELEASE when set (the Docker build),
else asks git for the commit and takes the current time.`);

function gitCommit(): string | undefined {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined; // no git, or not a checkout: a source tarball, the Docker build
  }
}

const given = (name: string) => process.env[name]?.trim() || undefined;
const commit = given("KAPATIRAN_COMMIT") ?? gitCommit() ?? "unknown";
const builtAt = given("KAPATIRAN_BUILT_AT") ?? new Date().toISOString();
const release = given("KAPATIRAN_RELEASE") ?? (commit === "unknown" ? "dev" : commit.slice(0, 7));

const file = path.resolve("build/build-info.json");
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, `${JSON.stringify({ release, commit, builtAt }, null, 2)}\n`);
console.log(`build info: release ${release}, commit ${commit}, built ${builtAt}`);
