import fs from "node:fs";
import path from "node:path";

/**
 * After the whole run: no line the servers logged may hold an e-mail address
 * (issue 8: logs carry ids, never names or addresses). playwright.config.ts
 * writes each server's output to a file in KAPATIRAN_E2E_LOGS. An offending
 * line is printed with the address masked, so the report does not leak it
 * either; the fix belongs where the line is written, not here.
 */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

export default function checkServerLogs() {
  const folder = process.env.KAPATIRAN_E2E_LOGS;
  if (!folder || !fs.existsSync(folder)) throw new Error("No server logs to check (KAPATIRAN_E2E_LOGS is not set)");
  const offending: string[] = [];
  let checked = 0;
  for (const name of fs.readdirSync(folder).filter((file) => file.endsWith(".log"))) {
    const lines = fs.readFileSync(path.join(folder, name), "utf8").split("\n");
    checked += lines.length;
    lines.forEach((line, index) => {
      if (line.match(EMAIL))
        offending.push(`${name}:${index + 1}: ${line.replace(EMAIL, (found) => `***@${found.split("@")[1]}`)}`);
    });
  }
  if (offending.length > 0) {
    throw new Error(
      `${offending.length} server log line(s) hold an e-mail address:\n${offending.slice(0, 20).join("\n")}`,
    );
  }
  console.log(`Server logs: ${checked} lines in ${folder}, no e-mail address.`);
}
