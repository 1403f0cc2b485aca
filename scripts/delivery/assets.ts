import fs from "node:fs";
import path from "node:path";
import { layout } from "./config";
import type { Runner } from "./runners";
import { assetReleasesToKeep, withAssetRelease, type DeployState } from "./state";

/**
 * The shared assets folder nginx serves /build/ from. Every release adds its
 * fingerprinted files; a file already there is never rewritten (the live
 * release's pages use it), new ones appear whole (written aside, renamed).
 * Each release's file list is kept, so pruning removes only files no kept
 * release uses.
 */

function listFiles(dir: string, under = ""): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, under), { withFileTypes: true })) {
    const relative = path.join(under, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(dir, relative));
    else if (entry.isFile()) files.push(relative);
  }
  return files;
}

export async function publishAssets(root: string, runner: Runner, release: string, state: DeployState, keep: number) {
  const paths = layout(root);
  const staging = path.join(paths.work, `assets-${release}-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  try {
    await runner.exportAssets(release, staging);
    const files = listFiles(staging);
    if (files.length === 0) throw new Error(`release ${release} has no public/build assets`);
    let added = 0;
    for (const file of files) {
      const target = path.join(paths.assetFiles, file);
      if (fs.existsSync(target)) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}.tmp`;
      fs.copyFileSync(path.join(staging, file), temporary);
      fs.renameSync(temporary, target);
      added++;
    }
    fs.mkdirSync(paths.assetManifests, { recursive: true });
    fs.writeFileSync(path.join(paths.assetManifests, `${release}.json`), `${JSON.stringify(files)}\n`);
    return { state: withAssetRelease(state, release), files: files.length, added };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Remove the files of releases older than the last `keep` (never the live or previous one's). */
export function pruneAssets(root: string, state: DeployState, keep: number): { state: DeployState; removed: number } {
  const paths = layout(root);
  const { kept, pruned } = assetReleasesToKeep(state, keep);
  if (pruned.length === 0) return { state, removed: 0 };
  const manifest = (release: string): string[] => {
    try {
      return JSON.parse(fs.readFileSync(path.join(paths.assetManifests, `${release}.json`), "utf8")) as string[];
    } catch {
      return [];
    }
  };
  const inUse = new Set(kept.flatMap(manifest));
  let removed = 0;
  for (const release of pruned) {
    for (const file of manifest(release)) {
      if (inUse.has(file)) continue;
      const target = path.join(paths.assetFiles, file);
      if (fs.existsSync(target)) {
        fs.rmSync(target);
        removed++;
      }
    }
    fs.rmSync(path.join(paths.assetManifests, `${release}.json`), { force: true });
  }
  return { state: { ...state, assetReleases: kept }, removed };
}
