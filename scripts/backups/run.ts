import { spawn } from "node:child_process";

/** Run a program to the end; throws with its last stderr lines when it fails. */
export function runTool(command: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    // Bytes first, text at the end: a chunk may end in the middle of a character (ñ in a name).
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", (error) => reject(new Error(`${command} could not start: ${error.message}`)));
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(stdout).toString("utf8"));
      else reject(new Error(`${command} failed (exit ${code}): ${Buffer.concat(stderr).toString("utf8").trim().split("\n").slice(-3).join(" | ")}`));
    });
  });
}
