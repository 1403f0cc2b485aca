/**
 * `npm run lint`: the few house rules a machine can check, without adding a
 * linter to the dependencies (the rules: scripts/support/lint-rules.ts).
 * Prettier's settings are in .prettierrc.json, but most of the tree was written
 * before anyone ran it, so formatting is not checked here: reformatting
 * everything at once would collide with every open change.
 *
 * Prints one line per problem (file:line: rule) and exits 1 when there is any.
 */
import fs from "node:fs";
import path from "node:path";
import { lintText } from "./support/lint-rules";
import { commandLine } from "./support/options";

commandLine(`Usage: npm run lint

Checks app/, server/, scripts/ and tests/ for console.log and process.env in the app
(outside app/utils/env.server.ts), debugger statements, .only/.skip/.todo in tests and
TODOs without an issue number.`);

const roots = ["app", "server", "scripts", "tests"];
const sourceFile = /\.(?:ts|tsx|js|mjs)$/;

function* sourceFiles(directory: string): Generator<string> {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const file = path.posix.join(directory, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(file);
    else if (sourceFile.test(entry.name)) yield file;
  }
}

const problems = roots
  .filter((root) => fs.existsSync(root))
  .flatMap((root) => [...sourceFiles(root)])
  .flatMap((file) => lintText(file, fs.readFileSync(file, "utf8")));
for (const problem of problems) console.log(problem);
if (problems.length > 0) {
  console.log(`\n${problems.length} problem${problems.length === 1 ? "" : "s"}`);
  process.exit(1);
}
console.log("lint: no problems");
