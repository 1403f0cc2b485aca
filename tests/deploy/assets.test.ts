import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { publishAssets, pruneAssets } from "../../scripts/delivery/assets";
import type { Runner } from "../../scripts/delivery/runners";
import { afterSwitch, emptyState, type DeployState } from "../../scripts/delivery/state";

/** The shared assets folder on disk: what a deploy adds, what pruning removes. */

const root = fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-deploy-assets-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Releases as folders of fingerprinted files; only exportAssets is needed here. */
function releaseWith(files: Record<string, string[]>): Runner {
  return {
    async exportAssets(release, into) {
      for (const file of files[release] ?? []) {
        fs.mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
        fs.writeFileSync(path.join(into, file), `${release} ${file}`);
      }
    },
  } as Runner;
}

const served = () => {
  const dir = path.join(root, "assets", "build");
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".js")).sort() : [];
};

describe("the shared assets folder", () => {
  it("adds each release's files, never rewrites one already there, and prunes only what no kept release uses", async () => {
    const runner = releaseWith({
      r1: ["entry-1.js", "shared-0.js"],
      r2: ["entry-2.js", "shared-0.js"],
      r3: ["entry-3.js", "shared-0.js"],
      r4: ["entry-4.js"],
    });
    let state: DeployState = emptyState();
    for (const [i, release] of ["r1", "r2", "r3", "r4"].entries()) {
      const published = await publishAssets(root, runner, release, state, 2);
      expect(published.files).toBe(release === "r4" ? 1 : 2);
      state = afterSwitch(published.state, { slot: i % 2 ? "green" : "blue", release, migrationLevel: null, since: "" });
      if (release === "r2") expect(fs.readFileSync(path.join(root, "assets", "build", "shared-0.js"), "utf8")).toBe("r1 shared-0.js");
    }
    expect(served()).toEqual(["entry-1.js", "entry-2.js", "entry-3.js", "entry-4.js", "shared-0.js"]);

    const pruned = pruneAssets(root, state, 2);
    // r3 (previous) and r4 (live) stay; r3 still uses shared-0.js.
    expect(pruned.state.assetReleases).toEqual(["r3", "r4"]);
    expect(pruned.removed).toBe(2);
    expect(served()).toEqual(["entry-3.js", "entry-4.js", "shared-0.js"]);
    expect(fs.readdirSync(path.join(root, "assets", "releases")).sort()).toEqual(["r3.json", "r4.json"]);
  });
});
