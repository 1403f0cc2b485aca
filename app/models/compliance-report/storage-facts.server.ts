import path from "node:path";
import { env } from "~/utils/env.server";
import type { StorageFacts } from "./contents";

/**
 * Where the data lives and how it is protected, from the configuration only
 * (never a secret: the database's host name, not its URL). Claims only what
 * the code does: S3 encryption at rest because storage.server.ts asks S3 for
 * it on every upload (not for S3-compatible servers, which may not offer it).
 */
export function storageFacts(): StorageFacts {
  const database: StorageFacts["database"] = env.DATABASE_URL
    ? { kind: "postgres", host: new URL(env.DATABASE_URL).hostname }
    : { kind: "pglite", folder: path.join(env.DATA_DIR, "db") };
  const files: StorageFacts["files"] = !env.S3_BUCKET
    ? { kind: "local", folder: path.join(env.DATA_DIR, "uploads") }
    : env.S3_ENDPOINT
    ? { kind: "s3-compatible", bucket: env.S3_BUCKET, endpointHost: new URL(env.S3_ENDPOINT).host }
    : { kind: "s3", bucket: env.S3_BUCKET, region: env.AWS_REGION ?? "ap-southeast-1", encryptedAtRest: true };
  return {
    database,
    files,
    hsts: env.NODE_ENV === "production",
    sessionStore: env.REDIS_URL ? "redis" : "database",
    region: env.AWS_REGION ?? null,
  };
}
