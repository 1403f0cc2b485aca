import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { PhotoStorageProbe } from "../integration/photos-suite";

/*
 * Import FIRST in a test file (before any app module): the app reads DATA_DIR
 * once, at import. Uploads go to a throwaway folder, not the shared ./data.
 */
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "kapatiran-photos-"));
process.env.DATA_DIR = dataDir;
delete process.env.S3_BUCKET;
delete process.env.S3_ENDPOINT;

const uploads = path.join(dataDir, "uploads");

async function walk(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)])),
  );
  return nested.flat();
}

/** What the local folder holds: the keys of stored objects (content-type side files left out). */
export const localStorageProbe: PhotoStorageProbe = {
  name: "local folder",
  async keys() {
    const files = await walk(uploads);
    return files.filter((file) => !file.endsWith(".type")).map((file) => path.relative(uploads, file).split(path.sep).join("/"));
  },
  async read(key) {
    return fs.readFile(path.join(uploads, ...key.split("/"))).catch(() => null);
  },
  async close() {
    await fs.rm(dataDir, { recursive: true, force: true });
  },
};
