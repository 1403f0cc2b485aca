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
        // The AWS CDK stacks synthesized offline (infra/aws): a few seconds per synth.
        resolve: { alias },
        test: { name: "infra", include: ["tests/infra/**/*.test.ts"], environment: "node", testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          setupFiles: ["tests/support/setup-integration.ts"],
          globalSetup: ["tests/support/pglite-snapshot.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          env: { NODE_ENV: "test", LOG_LEVEL: "error" },
        },
      },
      {
        // Blue-green deploys through a real nginx (npm run test:deploy, after npm run build): minutes, not seconds.
        resolve: { alias },
        test: {
          name: "deploy",
          include: ["tests/deploy/**/*.test.ts"],
          environment: "node",
          testTimeout: 600_000,
          hookTimeout: 180_000,
          env: { NODE_ENV: "test", LOG_LEVEL: "error" },
        },
      },
      {
        // The restore drill (npm run test:backups): pg_dump/pg_restore against the PostgreSQL server, s3rver, PGlite.
        resolve: { alias },
        test: {
          name: "backups",
          include: ["tests/backups/**/*.test.ts"],
          environment: "node",
          testTimeout: 300_000,
          hookTimeout: 120_000,
          env: { NODE_ENV: "test", LOG_LEVEL: "error" },
        },
      },
    ],
  },
});
