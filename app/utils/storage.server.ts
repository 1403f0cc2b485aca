import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { requestIdHeaders } from "~/ops/log-context.server";
import { env } from "./env.server";

/**
 * Where the app keeps files (member photos for now): S3 when S3_BUCKET is set
 * (or an S3-compatible server at S3_ENDPOINT), otherwise plain files under
 * `$DATA_DIR/uploads/`. Keys are made by our own code, never taken from a
 * request, but every key is still checked so that a mistake cannot write
 * outside the folder or the prefix.
 */

export interface StoredObject {
  bytes: Buffer;
  contentType: string;
}

interface Backend {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
}

export async function putObject(key: string, bytes: Buffer, contentType: string): Promise<void> {
  await backend().put(checkedKey(key), bytes, contentType);
}

/** The object's bytes and content type, or null when there is no such object. */
export async function getObject(key: string): Promise<StoredObject | null> {
  return backend().get(checkedKey(key));
}

/** Deleting what is not there is not an error (S3 behaves the same). */
export async function deleteObject(key: string): Promise<void> {
  await backend().delete(checkedKey(key));
}

// Segments of letters, digits, dot, dash and underscore that start with a letter
// or digit: no "..", no absolute paths, no backslashes, no empty segments.
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

function checkedKey(key: string): string {
  if (key.length > 512 || !KEY.test(key) || key.split("/").includes("..")) {
    throw new Error(`Refusing storage key ${JSON.stringify(key)}`);
  }
  return key;
}

let chosen: Backend | undefined;
function backend(): Backend {
  chosen ??= env.S3_BUCKET ? s3Backend(env.S3_BUCKET) : folderBackend(path.resolve(env.DATA_DIR, "uploads"));
  return chosen;
}

function s3Backend(bucket: string): Backend {
  const client = new S3Client({
    region: env.AWS_REGION ?? "ap-southeast-1",
    // Credentials: the SDK's default chain (the EC2 instance role in production,
    // AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY where those are set).
    ...(env.S3_ENDPOINT
      ? {
          endpoint: env.S3_ENDPOINT,
          // S3-compatible servers address buckets by path, not by host name.
          forcePathStyle: true,
          // Checksums only where S3 requires them: most S3-compatible servers do not know the newer ones.
          requestChecksumCalculation: "WHEN_REQUIRED" as const,
          responseChecksumValidation: "WHEN_REQUIRED" as const,
        }
      : {}),
  });
  // The request id on every call, so S3 server access logs can be joined with ours.
  client.middlewareStack.add(
    (next) => (args) => {
      const headers = requestIdHeaders();
      const request = args.request as { headers?: Record<string, string> };
      if (request.headers) Object.assign(request.headers, headers);
      return next(args);
    },
    { step: "build", name: "kapatiranRequestId" },
  );
  return {
    async put(key, bytes, contentType) {
      // Encrypted at rest (SSE-S3, AES-256) on AWS, as the compliance report states; S3-compatible servers may not offer it.
      const encryption = env.S3_ENDPOINT ? {} : { ServerSideEncryption: "AES256" as const };
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType, ...encryption })
      );
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!object.Body) return null;
        const bytes = Buffer.from(await object.Body.transformToByteArray());
        return { bytes, contentType: object.ContentType ?? "application/octet-stream" };
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === "NoSuchKey") return null;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}

/** Files under `root`, each with a small `.type` file beside it holding its content type. */
function folderBackend(root: string): Backend {
  const fileOf = (key: string) => {
    const file = path.resolve(root, ...key.split("/"));
    // Belt and braces: the key check already makes this impossible.
    if (!file.startsWith(root + path.sep)) throw new Error(`Refusing storage key ${JSON.stringify(key)}`);
    return file;
  };
  return {
    async put(key, bytes, contentType) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const partial = `${file}.${crypto.randomBytes(6).toString("hex")}.partial`;
      await fs.writeFile(`${file}.type`, contentType);
      await fs.writeFile(partial, bytes);
      await fs.rename(partial, file);
    },
    async get(key) {
      const file = fileOf(key);
      try {
        const bytes = await fs.readFile(file);
        const contentType = await fs.readFile(`${file}.type`, "utf8").catch(() => "application/octet-stream");
        return { bytes, contentType };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      const file = fileOf(key);
      await fs.rm(file, { force: true });
      await fs.rm(`${file}.type`, { force: true });
    },
  };
}
