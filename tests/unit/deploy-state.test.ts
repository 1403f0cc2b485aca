import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PRE_DEPLOY_DUMP_DAYS, pruneBackups } from "../../scripts/delivery/backup";
import { loadConfig, parseEnvFile, readFlags, UsageError } from "../../scripts/delivery/config";
import {
  afterSwitch,
  assetReleasesToKeep,
  emptyState,
  idleSlot,
  rollbackTarget,
  withAssetRelease,
  type DeployState,
  type SlotRelease,
} from "../../scripts/delivery/state";

const at = (slot: "blue" | "green", release: string, migrationLevel = "0016_delivery"): SlotRelease => ({
  slot,
  release,
  migrationLevel,
  since: "2026-11-28T00:00:00.000Z",
});

describe("which slot is idle", () => {
  it("starts a new box in blue, then alternates", () => {
    let state = emptyState();
    expect(idleSlot(state)).toBe("blue");
    state = afterSwitch(state, at("blue", "r1"));
    expect(idleSlot(state)).toBe("green");
    state = afterSwitch(state, at("green", "r2"));
    expect(idleSlot(state)).toBe("blue");
    expect(state.previous).toEqual(at("blue", "r1"));
  });
});

describe("rolling back", () => {
  it("goes to the previous release, in the slot it ran in; twice goes forward again", () => {
    let state = afterSwitch(afterSwitch(emptyState(), at("blue", "r1")), at("green", "r2"));
    const first = rollbackTarget(state);
    expect(first).toEqual({ target: at("blue", "r1") });
    state = afterSwitch(state, { ...at("blue", "r1"), since: "later" });
    expect(idleSlot(state)).toBe("green");
    expect(rollbackTarget(state)).toEqual({ target: at("green", "r2") });
  });

  it("refuses when there is nothing to go back to", () => {
    expect(rollbackTarget(emptyState())).toEqual({ refused: expect.stringContaining("nothing is deployed") });
    expect(rollbackTarget(afterSwitch(emptyState(), at("blue", "r1")))).toEqual({ refused: expect.stringContaining("only one deployed") });
    const same = afterSwitch(afterSwitch(emptyState(), at("blue", "r1")), at("green", "r1"));
    expect(rollbackTarget(same)).toEqual({ refused: expect.stringContaining("r1 too") });
  });
});

describe("which releases' assets stay", () => {
  it("keeps the last N, newest last, and always the live and previous ones", () => {
    let state: DeployState = emptyState();
    for (const release of ["r1", "r2", "r3", "r4", "r2"]) state = withAssetRelease(state, release);
    expect(state.assetReleases).toEqual(["r1", "r3", "r4", "r2"]);
    expect(assetReleasesToKeep(state, 2)).toEqual({ kept: ["r4", "r2"], pruned: ["r1", "r3"] });
    // Rolled back to r1: it is live, so its assets stay however old.
    state = { ...state, live: at("blue", "r1"), previous: at("green", "r2") };
    expect(assetReleasesToKeep(state, 2)).toEqual({ kept: ["r1", "r4", "r2"], pruned: ["r3"] });
  });
});

describe("pre-deploy dumps on the box", () => {
  it("keeps the newest ten, and none past the retention period however few deploys there were", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-dumps-"));
    try {
      const now = Date.parse("2026-11-28T12:00:00Z");
      const day = 86_400_000;
      // Twelve dumps, one every four days: the oldest are 44 days old.
      const names = Array.from({ length: 12 }, (_, i) => {
        const at = new Date(now - (11 - i) * 4 * day);
        const name = `${at.toISOString().replace(/[:.]/g, "-")}-before-rel-${i}.dump`;
        fs.writeFileSync(path.join(dir, name), "dump");
        fs.utimesSync(path.join(dir, name), at, at);
        return name;
      });
      pruneBackups(dir, 10, now);
      const kept = fs.readdirSync(dir).sort();
      // Count alone would keep the last ten (ages 36…0 days); age removes those over 30 days.
      expect(kept).toEqual(names.filter((_, i) => (11 - i) * 4 <= PRE_DEPLOY_DUMP_DAYS));
      expect(kept).toHaveLength(8);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("settings", () => {
  it("reads the env file as docker does: KEY=VALUE, comments, value after the first =", () => {
    expect(parseEnvFile("# app\nDATABASE_URL=postgres://u@h/db?sslmode=require\n\n  LOG_LEVEL = warn \nnot a line\n")).toEqual({
      DATABASE_URL: "postgres://u@h/db?sslmode=require",
      LOG_LEVEL: "warn",
    });
  });

  it("has production defaults, flags win over the environment", () => {
    const config = loadConfig(readFlags(["--image", "ecr/kapatiran", "--drain", "5"]), { DEPLOY_DRAIN_SECONDS: "9", GREEN_PORT: "4002" });
    expect(config).toMatchObject({
      root: "/srv/kapatiran",
      envFile: "/srv/kapatiran/app.env",
      runner: "docker",
      ports: { blue: 3001, green: 4002 },
      upstreamFile: "/etc/nginx/kapatiran-upstream.conf",
      nginx: ["nginx"],
      readyTimeoutSeconds: 60,
      drainSeconds: 5,
      keepAssetReleases: 5,
      smokeUrl: "http://127.0.0.1",
    });
  });

  it("reads the box's own settings from DEPLOY_ROOT/deploy.env, under the environment (SSM starts the tools with a bare one)", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-deploy-env-"));
    try {
      fs.writeFileSync(path.join(root, "deploy.env"), "# first boot\nDEPLOY_DOCKER_NETWORK=host\nDEPLOY_DRAIN_SECONDS=7\nDEPLOY_IMAGE=ecr/kapatiran\n");
      const config = loadConfig(readFlags(["--root", root]), { DEPLOY_DRAIN_SECONDS: "9" });
      expect(config).toMatchObject({ root, dockerNetwork: "host", drainSeconds: 9, image: "ecr/kapatiran" });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("takes the image repository with or without a tag (the release is the tag)", () => {
    const repository = "123.dkr.ecr.ap-southeast-1.amazonaws.com/kapatiran";
    expect(loadConfig(readFlags(["--image", `${repository}:abc123`]), {}).image).toBe(repository);
    expect(loadConfig(readFlags(["--image", repository]), {}).image).toBe(repository);
    expect(loadConfig(readFlags(["--image", "registry.local:5000/kapatiran"]), {}).image).toBe("registry.local:5000/kapatiran");
  });

  it("says what is wrong with a flag", () => {
    expect(() => loadConfig(readFlags([]), {})).toThrow(/needs --image/);
    expect(() => loadConfig(readFlags(["--runner", "podman"]), {})).toThrow(UsageError);
    expect(() => loadConfig(readFlags(["--runner", "node", "--ready-timeout", "soon"]), {})).toThrow(/whole number/);
    expect(() => loadConfig(readFlags(["--runner", "node", "--drain"]), {})).toThrow(/needs a value/);
  });
});
