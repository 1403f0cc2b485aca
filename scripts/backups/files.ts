import fs from "node:fs";
import path from "node:path";
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import type { BackupConfig } from "./config";
import { FILES, sha256, type Manifest, type ManifestFile } from "./manifest";
import { s3Client, type BackupStore } from "./store";

/**
 * Uploaded files (member photos, ticket screenshots), copied one by one into
 * the backup's files/ beside the dump, each with its checksum in the
 * manifest. From and back to wherever the app keeps them: the uploads bucket
 * (S3_BUCKET) or the folder DATA_DIR/uploads (with its .type files).
 */
interface UploadsSource {
  where: string;
  keys(): Promise<string[]>;
  read(key: string): Promise<{ bytes: Buffer; contentType?: string }>;
  write(key: string, bytes: Buffer, contentType?: string): Promise<void>;
}

export function uploadsSource(config: BackupConfig): UploadsSource {
  if ("bucket" in config.uploads) return bucketSource(s3Client(config.region, config.uploads.endpoint), config.uploads.bucket, config.uploads.endpoint);
  return folderSource(config.uploads.dir);
}

export async function backUpFiles(config: BackupConfig, store: BackupStore, name: string): Promise<Manifest["files"]> {
  const source = uploadsSource(config);
  const items: ManifestFile[] = [];
  for (const key of await source.keys()) {
    const { bytes, contentType } = await source.read(key);
    await store.putBytes(name, `${FILES}/${key}`, bytes, contentType);
    items.push({ key, size: bytes.length, sha256: sha256(bytes), ...(contentType ? { contentType } : {}) });
  }
  return { source: source.where, count: items.length, bytes: items.reduce((sum, item) => sum + item.size, 0), items };
}

/** Every file's bytes against the manifest; the keys that do not match (missing or changed). */
export async function badFiles(store: BackupStore, manifest: Manifest): Promise<string[]> {
  const bad: string[] = [];
  for (const item of manifest.files.items) {
    const bytes = await store.getBytes(manifest.name, `${FILES}/${item.key}`);
    if (!bytes || bytes.length !== item.size || sha256(bytes) !== item.sha256) bad.push(item.key);
  }
  return bad;
}

/** Put every file back where the app keeps them (same keys; other files are left alone). */
export async function restoreFiles(config: BackupConfig, store: BackupStore, manifest: Manifest): Promise<{ where: string; count: number }> {
  const target = uploadsSource(config);
  for (const item of manifest.files.items) {
    const bytes = await store.getBytes(manifest.name, `${FILES}/${item.key}`);
    if (!bytes || sha256(bytes) !== item.sha256) throw new Error(`file ${item.key} in the backup does not match its checksum`);
    await target.write(item.key, bytes, item.contentType);
  }
  return { where: target.where, count: manifest.files.items.length };
}

function folderSource(dir: string): UploadsSource {
  const list = (folder: string, prefix: string): string[] =>
    fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const key = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return list(path.join(folder, entry.name), key);
      // A .partial is a write in progress (storage.server.ts renames it when done).
      return entry.name.endsWith(".partial") ? [] : [key];
    });
  const fileOf = (key: string) => {
    const file = path.resolve(dir, ...key.split("/"));
    if (!file.startsWith(path.resolve(dir) + path.sep) || key.split("/").includes("..")) throw new Error(`Refusing file key ${JSON.stringify(key)}`);
    return file;
  };
  return {
    where: dir,
    keys: async () => (fs.existsSync(dir) ? list(dir, "").sort() : []),
    read: async (key) => ({ bytes: fs.readFileSync(fileOf(key)) }),
    async write(key, bytes) {
      const file = fileOf(key);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes);
    },
  };
}

function bucketSource(client: S3Client, bucket: string, endpoint: string | undefined): UploadsSource {
  return {
    where: `s3://${bucket}`,
    async keys() {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return keys.sort();
    },
    async read(key) {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return { bytes: Buffer.from(await object.Body!.transformToByteArray()), contentType: object.ContentType };
    },
    async write(key, bytes, contentType) {
      // As the app writes them: SSE-S3 on AWS, nothing on an S3-compatible server.
      const encryption = endpoint ? {} : { ServerSideEncryption: "AES256" as const };
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType, ...encryption }));
    },
  };
}
