import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "~": path.resolve(__dirname, "app") };

/**
 * unit: pure functions, no I/O. integration: against a real database —
 * PGlite by default, the PostgreSQL server when DATABASE_URL is set
 * (tests/support/database.ts makes a fresh database per file).
 */
export default defineConfig({
  resolve: { alias },
  test: {
    // Two cores: a couple of files at a time keeps PGlite instances from starving each other.
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          setupFiles: ["tests/support/setup-integration.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          env: { NODE_ENV: "test", LOG_LEVEL: "error" },
        },
      },
    ],
  },
});
