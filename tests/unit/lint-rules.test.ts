import { describe, expect, it } from "vitest";
import { lintText } from "../../scripts/support/lint-rules";

/** `npm run lint`'s rules, each tried on a line it must flag and one it must let through. */
describe("lint rules", () => {
  const flagged = (file: string, line: string) => lintText(file, `const a = 1;\n${line}\n`);

  it("keeps console.log and process.env out of the app", () => {
    expect(flagged("app/models/x.server.ts", 'console.log("hi");')).toEqual([
      "app/models/x.server.ts:2: console.log: use the logger (app/utils/logger.server.ts)",
    ]);
    expect(flagged("server/app.ts", "const port = process.env.PORT;")).toHaveLength(1);
    expect(flagged("app/utils/env.server.ts", "parseEnv(process.env);")).toEqual([]);
    expect(flagged("scripts/seed.ts", 'console.log("seeded");')).toEqual([]);
  });

  it("refuses focused and skipped tests, and debugger statements", () => {
    expect(flagged("tests/unit/a.test.ts", 'it.only("x", () => {});')).toHaveLength(1);
    expect(flagged("tests/e2e/a.spec.ts", 'test.skip("x", async () => {});')).toHaveLength(1);
    expect(flagged("tests/integration/a.test.ts", 'it.runIf(process.env.DATABASE_URL)("x", () => {});')).toEqual([]);
    expect(flagged("app/root.tsx", "  debugger;")).toHaveLength(1);
  });

  it("asks a TODO for its issue", () => {
    expect(flagged("app/a.ts", "// TODO: later")).toHaveLength(1);
    expect(flagged("app/a.ts", "// TODO(#42): after the migration")).toEqual([]);
  });
});
