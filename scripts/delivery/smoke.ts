/**
 * scripts/smoke <base-url>: the checks that must pass after every deploy —
 * landing page, /healthz, /readyz, the sign-in page, a fingerprinted asset
 * cached as immutable. One line per check; exit 1 with a clear line on failure.
 */
import { formatResult, runSmoke } from "./smoke-checks";

const usage = `Usage: scripts/smoke <base-url>

Checks, in order: / answers 200; /healthz and /readyz answer 200; /auth/login leads
to a sign-in page that answers 200; an asset under /build/ linked from the landing
page answers 200 with Cache-Control "public, max-age=31536000, immutable".
Exit code 0 when all pass, 1 otherwise. Example: scripts/smoke https://staging.kapatiran.example`;

const [baseUrl] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
if (process.argv.includes("--help") || !baseUrl) {
  console.log(usage);
  process.exit(baseUrl || process.argv.includes("--help") ? 0 : 2);
}
try {
  new URL(baseUrl);
} catch {
  console.error(`Smoke tests: "${baseUrl}" is not a URL (e.g. https://staging.kapatiran.example)`);
  process.exit(2);
}

const results = await runSmoke(baseUrl);
for (const result of results) console.log(formatResult(result));
const failed = results.filter((result) => !result.ok);
if (failed.length > 0) {
  console.error(`Smoke tests FAILED against ${baseUrl}: ${failed.map((r) => r.name).join(", ")}`);
  process.exit(1);
}
console.log(`Smoke tests passed against ${baseUrl} (${results.length} checks)`);
