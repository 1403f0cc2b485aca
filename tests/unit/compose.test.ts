import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseEnv } from "~/utils/env.server";

/**
 * compose.yaml cannot run here (no Docker engine): read it instead. It must
 * offer the services CI tests against and give the app settings it knows.
 */

interface Service {
  image?: string;
  build?: { context: string; target?: string };
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown>;
  read_only?: boolean;
  tmpfs?: string[];
  volumes?: string[];
}

const compose = parse(fs.readFileSync("compose.yaml", "utf8")) as { services: Record<string, Service> };
const { app, postgres, redis, s3 } = compose.services;
const environment = app?.environment ?? {};
/** Read by the AWS SDK itself for the S3-compatible store, not by the app's configuration. */
const readByAwsSdk = new Set(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"]);

describe("compose.yaml", () => {
  it("runs the app from the Dockerfile beside PostgreSQL 15, Redis 7 and s3rver", () => {
    expect(app?.build?.context).toBe(".");
    expect(postgres?.image).toBe("postgres:15");
    expect(redis?.image).toBe("redis:7");
    expect(s3?.build?.target).toBe("deps");
    expect(fs.readFileSync("Dockerfile", "utf8")).toMatch(/^FROM \S+ AS deps$/m);
    expect(Object.keys(app?.depends_on ?? {}).sort()).toEqual(["postgres", "redis", "s3"]);
  });

  it("gives the app only settings env.server.ts knows, and they parse", () => {
    const parsed = parseEnv(environment);
    for (const name of Object.keys(environment)) {
      if (!readByAwsSdk.has(name)) expect(name in parsed, `${name} is a setting of app/utils/env.server.ts`).toBe(true);
    }
    expect(parsed.embeddedDatabase).toBe(false);
    expect(parsed.localIdentityProvider).toBe(true);
    expect(parsed.SEED_DEMO).toBe(true);
  });

  it("points the app at the other services by their names", () => {
    const hostOf = (url: string | undefined) => (url ? new URL(url).hostname : undefined);
    expect(hostOf(environment.DATABASE_URL)).toBe("postgres");
    expect(hostOf(environment.REDIS_URL)).toBe("redis");
    expect(hostOf(environment.S3_ENDPOINT)).toBe("s3");
    expect(environment.S3_BUCKET).toBeTruthy();
  });

  it("runs the app on a read-only file system, writing only to DATA_DIR and /tmp", () => {
    expect(app?.read_only).toBe(true);
    expect(app?.tmpfs).toContain("/tmp");
    expect(app?.volumes?.some((volume) => volume.endsWith(`:${environment.DATA_DIR}`))).toBe(true);
  });
});
