import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type ServerSideEncryption,
} from "@aws-sdk/client-s3";
import type { BackupConfig } from "./config";
import { MANIFEST } from "./manifest";

/**
 * Where backups are kept: one folder (local) or one key prefix (S3) per
 * backup, named by its time, holding database.dump, files/… and manifest.json.
 */
export interface BackupStore {
  /** For the log: "s3://bucket/prefix" or the folder. */
  where: string;
  putFile(name: string, relative: string, file: string): Promise<void>;
  putBytes(name: string, relative: string, bytes: Buffer, contentType?: string): Promise<void>;
  getFile(name: string, relative: string, file: string): Promise<void>;
  getBytes(name: string, relative: string): Promise<Buffer | null>;
  /** Every backup's name, complete or not, oldest first. */
  names(): Promise<string[]>;
  /** Delete a whole backup; the number of files or objects removed. */
  remove(name: string): Promise<number>;
}

export function openStore(config: BackupConfig): BackupStore {
  return config.bucket ? s3Store(config, config.bucket) : folderStore(config.dir);
}

/** An S3 client like the app's storage one: path-style and basic checksums for S3-compatible servers. */
export function s3Client(region: string, endpoint: string | undefined): S3Client {
  return new S3Client({
    region,
    ...(endpoint
      ? {
          endpoint,
          forcePathStyle: true,
          requestChecksumCalculation: "WHEN_REQUIRED" as const,
          responseChecksumValidation: "WHEN_REQUIRED" as const,
        }
      : {}),
  });
}

function s3Store(config: BackupConfig, bucket: string): BackupStore {
  const client = s3Client(config.region, config.endpoint);
  const keyOf = (name: string, relative: string) => `${config.prefix}${name}/${relative}`;
  // Encrypted at rest: SSE-KMS with the given key, else SSE-S3 (AES-256). An
  // S3-compatible endpoint (tests, MinIO) may not offer either, as in storage.server.ts.
  const encryption: { ServerSideEncryption?: ServerSideEncryption; SSEKMSKeyId?: string } = config.endpoint
    ? {}
    : config.kmsKeyId
      ? { ServerSideEncryption: "aws:kms", SSEKMSKeyId: config.kmsKeyId }
      : { ServerSideEncryption: "AES256" };

  async function keysUnder(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  return {
    where: `s3://${bucket}/${config.prefix}`,
    async putFile(name, relative, file) {
      const size = fs.statSync(file).size;
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: keyOf(name, relative), Body: fs.createReadStream(file), ContentLength: size, ...encryption }),
      );
    },
    async putBytes(name, relative, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: keyOf(name, relative), Body: bytes, ContentType: contentType, ...encryption }));
    },
    async getFile(name, relative, file) {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(name, relative) }));
      await pipeline(object.Body as Readable, fs.createWriteStream(file));
    },
    async getBytes(name, relative) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(name, relative) }));
        return Buffer.from(await object.Body!.transformToByteArray());
      } catch (error) {
        if ((error as { name?: string }).name === "NoSuchKey") return null;
        throw error;
      }
    },
    async names() {
      const names = new Set<string>();
      for (const key of await keysUnder(config.prefix)) {
        const name = key.slice(config.prefix.length).split("/")[0];
        if (name) names.add(name);
      }
      return [...names].sort();
    },
    async remove(name) {
      const keys = await keysUnder(`${config.prefix}${name}/`);
      for (let at = 0; at < keys.length; at += 1000) {
        const batch = keys.slice(at, at + 1000).map((Key) => ({ Key }));
        await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch, Quiet: true } }));
      }
      return keys.length;
    },
  };
}

function folderStore(dir: string): BackupStore {
  const fileOf = (name: string, relative: string) => {
    const file = path.resolve(dir, name, ...relative.split("/"));
    if (!file.startsWith(path.resolve(dir) + path.sep)) throw new Error(`Refusing backup path ${JSON.stringify(relative)}`);
    return file;
  };
  const countFiles = (folder: string): number =>
    fs.readdirSync(folder, { withFileTypes: true }).reduce((n, entry) => n + (entry.isDirectory() ? countFiles(path.join(folder, entry.name)) : 1), 0);
  return {
    where: dir,
    async putFile(name, relative, file) {
      const target = fileOf(name, relative);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (path.resolve(file) !== target) fs.copyFileSync(file, target);
    },
    async putBytes(name, relative, bytes) {
      const target = fileOf(name, relative);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, bytes);
    },
    async getFile(name, relative, file) {
      fs.copyFileSync(fileOf(name, relative), file);
    },
    async getBytes(name, relative) {
      const file = fileOf(name, relative);
      return fs.existsSync(file) ? fs.readFileSync(file) : null;
    },
    async names() {
      if (!fs.existsSync(dir)) return [];
      return fs.readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    },
    async remove(name) {
      const folder = fileOf(name, MANIFEST).replace(/[/\\]manifest\.json$/, "");
      if (!fs.existsSync(folder)) return 0;
      const count = countFiles(folder);
      fs.rmSync(folder, { recursive: true, force: true });
      return count;
    },
  };
}
