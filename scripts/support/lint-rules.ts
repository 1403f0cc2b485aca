/**
 * The house rules `npm run lint` checks (scripts/lint.ts), line by line:
 *   - app/ and server/ log through the logger, never console.log (logs are JSON lines)
 *   - only app/utils/env.server.ts reads process.env (the environment is parsed once)
 *   - no `debugger` statements
 *   - no focused or skipped tests (.only, .skip, .todo): CI must run them all
 *   - a TODO or FIXME names its issue, e.g. "TODO(#12)"
 * Pure, so tests/unit/lint-rules.test.ts can try each rule on a sample.
 */
interface Rule {
  name: string;
  pattern: RegExp;
  /** Which files (paths relative to the repository, with forward slashes) the rule applies to. */
  applies(file: string): boolean;
}

const inApp = (file: string) => file.startsWith("app/") || file.startsWith("server/");
const rules: Rule[] = [
  { name: "console.log: use the logger (app/utils/logger.server.ts)", pattern: /\bconsole\.log\(/, applies: inApp },
  {
    name: "process.env: read the environment through app/utils/env.server.ts",
    pattern: /\bprocess\.env\b/,
    applies: (file) => inApp(file) && file !== "app/utils/env.server.ts",
  },
  { name: "debugger statement", pattern: /^\s*debugger;?\s*$/, applies: () => true },
  {
    name: "focused or skipped test: CI runs every test",
    pattern: /\b(?:it|test|describe)\.(?:only|skip|todo)\(/,
    applies: (file) => file.startsWith("tests/"),
  },
  { name: "TODO/FIXME without an issue, write TODO(#12)", pattern: /\b(?:TODO|FIXME)\b(?!\(#\d+\))/, applies: () => true },
];

/** Problems in one file's text; exported for the unit test and scripts/lint.ts. */
export function lintText(file: string, text: string): string[] {
  // These two name what the rules look for (in comments, messages and samples): the unit test checks the rules instead.
  if (file === "scripts/support/lint-rules.ts" || file === "tests/unit/lint-rules.test.ts") return [];
  const problems: string[] = [];
  const applicable = rules.filter((rule) => rule.applies(file));
  text.split("\n").forEach((line, index) => {
    for (const rule of applicable) if (rule.pattern.test(line)) problems.push(`${file}:${index + 1}: ${rule.name}`);
  });
  return problems;
}

