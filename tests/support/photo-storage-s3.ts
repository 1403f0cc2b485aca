import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import type { PhotoStorageProbe } from "../integration/photos-suite";

/*
 * Import FIRST in a test file (before any app module): starts an
 * S3-compatible server (s3rver, pure JavaScript) on a free loopback port and
 * points the app at it through the environment, which the app reads once, at
 * import. The credentials are s3rver's fixed ones, read by the AWS SDK itself.
 */
const bucket = "kapatiran-photos";
const directory = await fs.mkdtemp(path.join(os.tmpdir(), "kapatiran-s3rver-"));
const server = new S3rver({ port: 0, address: "127.0.0.1", directory, silent: true, configureBuckets: [{ name: bucket, configs: [] }] });
const { port } = await server.run();
const endpoint = `http://127.0.0.1:${port}`;

process.env.S3_BUCKET = bucket;
process.env.S3_ENDPOINT = endpoint;
// No AWS_REGION: env.server.ts reads it as part of the Cognito settings and
// would then ask for the rest of them; storage uses ap-southeast-1 without it.
process.env.AWS_ACCESS_KEY_ID = "S3RVER";
process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
// Uploads must not land in the shared ./data if the S3 settings were ignored.
process.env.DATA_DIR = directory;

const client = new S3Client({ region: "ap-southeast-1", endpoint, forcePathStyle: true });

/** What the bucket holds, read with our own client, not through the app. */
export const s3StorageProbe: PhotoStorageProbe = {
  name: "S3-compatible server",
  async keys() {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
    return (listed.Contents ?? []).map((object) => object.Key!);
  },
  async read(key) {
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Buffer.from(await object.Body!.transformToByteArray());
    } catch {
      return null;
    }
  },
  async close() {
    client.destroy();
    await server.close();
    await fs.rm(directory, { recursive: true, force: true });
  },
};
