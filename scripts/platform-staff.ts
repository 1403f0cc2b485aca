/**
 * Add a platform administrator or support staff member from the command line:
 * how a new installation gets its first platform administrator (everyone else
 * is invited from inside). On the box, inside the live app container:
 *
 *   docker exec kapatiran-blue node build/scripts/platform-staff.js --email ops@example.org --name "Ana Reyes"
 *   npm run platform-staff -- --email ops@example.org --name "Ana Reyes" [--role support_staff]
 */
import os from "node:os";
import { addPlatformStaff, PLATFORM_ROLES, type PlatformRole } from "~/models/platform-staff.server";
import { runWithDatabase } from "./support/run-with-database";

const USAGE = `Usage: npm run platform-staff -- --email ADDRESS --name "FULL NAME" [--role ${PLATFORM_ROLES.join("|")}]

Adds a person with no church who may sign in with Google at that address: by default a
platform administrator (${PLATFORM_ROLES[0]}). Recorded in the platform audit trail.
Database: DATABASE_URL, else the embedded database under DATA_DIR (stop the app first).`;

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
if (args.includes("--help")) {
  console.log(USAGE);
  process.exit(0);
}
const email = option("--email");
const name = option("--name") ?? "";
const role = (option("--role") ?? "platform_admin") as PlatformRole;
if (!email || !PLATFORM_ROLES.includes(role)) {
  console.error(`${!email ? "--email is required" : `--role must be one of ${PLATFORM_ROLES.join(", ")}`}\n\n${USAGE}`);
  process.exit(1);
}

await runWithDatabase("Adding platform staff", async (database) => {
  const addedBy = `${process.env.SUDO_USER || os.userInfo().username} (command line)`;
  const outcome = await addPlatformStaff({ email, displayName: name, role, addedBy }, database);
  if (!outcome.ok) {
    console.error(outcome.reason === "exists" ? `${email} already has an account: nothing changed` : `"${email}" is not an e-mail address`);
    process.exit(1);
  }
  console.log(`${email} is now ${role === "platform_admin" ? "a platform administrator" : "support staff"}: they sign in with Google at that address`);
});
