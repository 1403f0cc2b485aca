import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "~/utils/env.server";

const linesOf = (source: Record<string, string>) => {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.lines;
    throw error;
  }
  return [];
};

describe("configuration", () => {
  it("runs on defaults: embedded database, local identity provider, port 3000", () => {
    const env = parseEnv({});
    expect(env.embeddedDatabase).toBe(true);
    expect(env.localIdentityProvider).toBe(true);
    expect(env.PORT).toBe(3000);
    expect(env.appUrl).toBe("http://localhost:3000");
    expect(Object.isFrozen(env)).toBe(true);
  });

  it("allows the fault switch in tests but refuses it in production", () => {
    expect(parseEnv({ ALLOW_FAULT_INJECTION: "true" }).ALLOW_FAULT_INJECTION).toBe(true);
    expect(parseEnv({}).ALLOW_FAULT_INJECTION).toBe(false);
    const lines = linesOf({
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(32),
      COGNITO_DOMAIN: "auth.example",
      COGNITO_CLIENT_ID: "id",
      COGNITO_USER_POOL_ID: "pool",
      AWS_REGION: "ap-southeast-1",
      ALLOW_FAULT_INJECTION: "1",
    });
    expect(lines).toEqual([expect.stringMatching(/^Configuration error: ALLOW_FAULT_INJECTION /)]);
  });

  it("trusts one proxy (nginx) by default, as many as the deployment has when told, and never an absurd number", () => {
    expect(parseEnv({}).TRUST_PROXY_HOPS).toBe(1);
    expect(parseEnv({ TRUST_PROXY_HOPS: "3" }).TRUST_PROXY_HOPS).toBe(3);
    expect(linesOf({ TRUST_PROXY_HOPS: "many" })).toEqual([expect.stringMatching(/^Configuration error: TRUST_PROXY_HOPS /)]);
    expect(linesOf({ TRUST_PROXY_HOPS: "9" })).toEqual([expect.stringMatching(/^Configuration error: TRUST_PROXY_HOPS /)]);
  });

  it("reads the Cognito domain with or without its scheme as one origin (sign-in and the CSP's form-action use it)", () => {
    const cognito = { COGNITO_CLIENT_ID: "id", COGNITO_USER_POOL_ID: "pool", AWS_REGION: "ap-southeast-1" };
    for (const domain of ["kapatiran.auth.ap-southeast-1.amazoncognito.com", "https://kapatiran.auth.ap-southeast-1.amazoncognito.com/"]) {
      expect(parseEnv({ ...cognito, COGNITO_DOMAIN: domain }).cognitoOrigin).toBe("https://kapatiran.auth.ap-southeast-1.amazoncognito.com");
    }
    expect(parseEnv({}).cognitoOrigin).toBeUndefined();
  });

  it("runs one app process by default, and several only on PostgreSQL with Cognito", () => {
    const cognito = { COGNITO_DOMAIN: "d.example", COGNITO_CLIENT_ID: "id", COGNITO_USER_POOL_ID: "pool", AWS_REGION: "ap-southeast-1" };
    const database = { DATABASE_URL: "postgres://app@127.0.0.1:5432/kapatiran" };
    expect(parseEnv({}).WEB_CONCURRENCY).toBe(1);
    expect(parseEnv({ ...cognito, ...database, WEB_CONCURRENCY: "2" }).WEB_CONCURRENCY).toBe(2);
    expect(linesOf({ ...cognito, WEB_CONCURRENCY: "2" })).toEqual([expect.stringMatching(/WEB_CONCURRENCY above 1 needs DATABASE_URL/)]);
    expect(linesOf({ ...database, WEB_CONCURRENCY: "2" })).toEqual([expect.stringMatching(/WEB_CONCURRENCY above 1 needs Cognito/)]);
    expect(linesOf({ WEB_CONCURRENCY: "0" })).toEqual([expect.stringMatching(/^Configuration error: WEB_CONCURRENCY /)]);
  });

  it("checks the maintenance window and its time zone", () => {
    expect(parseEnv({}).MAINTENANCE_WINDOW).toBe("02:00-04:00");
    expect(parseEnv({}).MAINTENANCE_TIME_ZONE).toBe("Asia/Manila");
    expect(linesOf({ MAINTENANCE_WINDOW: "2am-4am" })).toEqual([expect.stringMatching(/^Configuration error: MAINTENANCE_WINDOW must look like "02:00-04:00"/)]);
    expect(linesOf({ MAINTENANCE_TIME_ZONE: "Manila" })).toEqual([expect.stringMatching(/^Configuration error: MAINTENANCE_TIME_ZONE /)]);
  });

  it("takes a PostgreSQL URL and a port", () => {
    const env = parseEnv({ DATABASE_URL: "postgres://app@db:5432/kapatiran", PORT: "8080" });
    expect(env.embeddedDatabase).toBe(false);
    expect(env.PORT).toBe(8080);
  });

  it("refuses production without SESSION_SECRET, naming the variable on one line", () => {
    const lines = linesOf({
      NODE_ENV: "production",
      COGNITO_DOMAIN: "auth.example.com",
      COGNITO_CLIENT_ID: "abc",
      COGNITO_USER_POOL_ID: "ap-southeast-1_x",
      AWS_REGION: "ap-southeast-1",
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration error: SESSION_SECRET is required in production/);
  });

  it("refuses the local identity provider in production", () => {
    const lines = linesOf({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) });
    expect(lines.join("\n")).toMatch(/COGNITO_DOMAIN is required in production/);
  });

  it("names every malformed value, one line each", () => {
    const lines = linesOf({ DATABASE_URL: "mysql://nope", PORT: "eighty", CDN_URL: "not a url" });
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => l.startsWith("Configuration error: DATABASE_URL must be a URL starting with postgres:"))).toBe(true);
    expect(lines.some((l) => l.startsWith("Configuration error: PORT"))).toBe(true);
    expect(lines.some((l) => l.startsWith("Configuration error: CDN_URL"))).toBe(true);
  });

  it("takes AWS_REGION alone (for S3) without asking for Cognito", () => {
    expect(parseEnv({ AWS_REGION: "ap-southeast-1", S3_BUCKET: "photos" }).localIdentityProvider).toBe(true);
  });

  it("wants the Cognito settings together", () => {
    const lines = linesOf({ COGNITO_DOMAIN: "auth.example.com" });
    expect(lines.map((l) => l.split(" ")[2])).toEqual(["COGNITO_CLIENT_ID", "COGNITO_USER_POOL_ID", "AWS_REGION"]);
  });
});
