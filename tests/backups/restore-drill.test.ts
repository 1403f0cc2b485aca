import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, DeleteObjectCommand, S3Client } from "@aws-sdk/client-s3";
import postgres from "postgres";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db/client.server";
import { migrate } from "~/db/migrations.server";
import { pgliteExtensions } from "~/db/pglite-extensions";
import { seedLargeChurch } from "~/db/seed/demo.server";
import { compareWithDump } from "../../scripts/backups/compare";
import { loadBackupConfig, type BackupConfig } from "../../scripts/backups/config";
import type { Manifest } from "../../scripts/backups/manifest";
import { RestoreRefused, restoreBackup } from "../../scripts/backups/restore-backup";
import { DUMP, takeBackup } from "../../scripts/backups/take-backup";

/*
 * The restore drill: seed, back up while writes run, destroy, restore into a
 * new database, and compare pg_dumps — on the machine's PostgreSQL server
 * (DATABASE_URL's, else the local one), through the same code scripts/backup
 * and scripts/restore run. Also the refusals, the S3 path (s3rver) with
 * uploaded files, and the embedded PGlite path.
 */
const server = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const urlOf = (name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();
const admin = postgres(urlOf("postgres"), { max: 1, onnotice: () => {} });
const created: string[] = [];
const work = fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-backups-test-"));
const quietLog = () => {};

async function newDatabase(label: string): Promise<string> {
  const name = `kapatiran_backups_${label}_${crypto.randomBytes(4).toString("hex")}`;
  created.push(name);
  await admin.unsafe(`create database ${name}`);
  return name;
}

function unusedName(label: string): string {
  const name = `kapatiran_backups_${label}_${crypto.randomBytes(4).toString("hex")}`;
  created.push(name);
  return name;
}

async function databaseExists(name: string): Promise<boolean> {
  return (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
}

/** A migrated database with a seeded church of `members`. */
async function seededDatabase(label: string, members: number): Promise<string> {
  const url = urlOf(await newDatabase(label));
  const connection = await openDatabase({ url, poolSize: 2 });
  try {
    await migrate(connection.db);
    await seedLargeChurch(connection.db, { members, slug: `drill-${label}` });
  } finally {
    await connection.close();
  }
  return url;
}

function configFor(folder: string, overrides: Partial<BackupConfig>): BackupConfig {
  const dataDir = path.join(work, folder);
  fs.mkdirSync(dataDir, { recursive: true });
  return { ...loadBackupConfig({ DATA_DIR: dataDir, RELEASE: "drill" } as unknown as NodeJS.ProcessEnv), ...overrides };
}

afterAll(async () => {
  for (const name of created) await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("a logical backup of PostgreSQL", () => {
  let config: BackupConfig;
  let manifest: Manifest;
  let writes = { before: 0, during: 0, households: { before: 0, after: 0 } };

  beforeAll(async () => {
    const url = await seededDatabase("source", 200);
    config = configFor("postgres", { databaseUrl: url });
    // A photo in the uploads folder, and a backup from 40 days ago to be pruned.
    fs.mkdirSync(path.join(config.dataDir, "uploads", "photos"), { recursive: true });
    fs.writeFileSync(path.join(config.dataDir, "uploads", "photos", "m1.webp"), crypto.randomBytes(2048));
    const old = path.join(config.dir, "kapatiran-20200101T000000.000Z");
    fs.mkdirSync(old, { recursive: true });
    fs.writeFileSync(path.join(old, "manifest.json"), "{}");

    // Writes through plain SQL on their own connection, all through the backup.
    const writer = postgres(url, { max: 1, onnotice: () => {} });
    const churchId = (await writer<{ id: string }[]>`select id from churches limit 1`)[0]!.id;
    const count = async () => Number((await writer<{ n: string }[]>`select count(*) as n from households`)[0]!.n);
    let stop = false;
    let done = 0;
    const loop = (async () => {
      while (!stop) {
        await writer`insert into households (church_id, name) values (${churchId}, ${`Drill household ${done}`})`;
        await writer`update members set updated_at = now() where id = (select id from members order by random() limit 1)`;
        done++;
      }
    })();
    while (done < 20) await new Promise((resolve) => setTimeout(resolve, 10));
    writes.before = done;
    writes.households.before = await count();
    manifest = await takeBackup(config, quietLog);
    writes.during = done - writes.before;
    // Let a few more land after the snapshot, then stop.
    const after = done;
    while (done < after + 20) await new Promise((resolve) => setTimeout(resolve, 10));
    stop = true;
    await loop;
    writes.households.after = await count();
    await writer.end();
  });

  it("writes ran through the backup, and the manifest counts the snapshot's rows", () => {
    expect(writes.during).toBeGreaterThan(0);
    const inBackup = manifest.rowCounts["public.households"]!;
    expect(inBackup).toBeGreaterThanOrEqual(writes.households.before);
    expect(inBackup).toBeLessThan(writes.households.after);
    expect(manifest.rowCounts["public.members"]).toBe(200);
    expect(manifest.migrationLevel).toMatch(/^\d{4}_/);
    expect(manifest.database.format).toBe("pg_dump-custom");
    expect(manifest.database.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.files.items).toEqual([expect.objectContaining({ key: "photos/m1.webp", size: 2048 })]);
    expect(manifest.release).toBe("drill");
  });

  it("prunes backups older than the retention", () => {
    expect(fs.existsSync(path.join(config.dir, "kapatiran-20200101T000000.000Z"))).toBe(false);
    expect(fs.existsSync(path.join(config.dir, manifest.name, "manifest.json"))).toBe(true);
  });

  it("restores into a new database after the old one is destroyed, with a pg_dump identical to the backup's", async () => {
    await admin.unsafe(`drop database ${new URL(config.databaseUrl!).pathname.slice(1)} with (force)`);
    const target = urlOf(unusedName("restored"));
    const lines: string[] = [];
    const result = await restoreBackup(config, { backup: "latest", targetUrl: target }, (line) => lines.push(line));
    expect(result.manifest.name).toBe(manifest.name);
    expect(lines.join("\n")).toMatch(/sha256 matches/);
    expect(lines.at(-1)).toMatch(/^done in \d+\.\d s/);

    const comparison = await compareWithDump(target, path.join(config.dir, manifest.name, DUMP));
    expect(comparison.firstDifference).toBeUndefined();
    expect(comparison.identical).toBe(true);
    expect(comparison.lines).toBeGreaterThan(1000);
  });

  it("refuses a backup whose dump no longer matches its checksum, before touching any database", async () => {
    const tampered = configFor("tampered", { databaseUrl: config.databaseUrl });
    fs.cpSync(config.dir, tampered.dir, { recursive: true });
    const dump = path.join(tampered.dir, manifest.name, DUMP);
    const bytes = fs.readFileSync(dump);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    fs.writeFileSync(dump, bytes);
    const target = unusedName("tampered");
    await expect(restoreBackup(tampered, { backup: manifest.name, targetUrl: urlOf(target) }, quietLog)).rejects.toThrow(
      /refused: database\.dump does not match its checksum/,
    );
    expect(await databaseExists(target)).toBe(false);
  });

  it("refuses a target that is not empty unless --force, then replaces it", async () => {
    const name = await newDatabase("busy");
    await postgres(urlOf(name), { max: 1 }).begin(async (sql) => {
      await sql`create table keep_me (id int)`;
    });
    const attempt = restoreBackup(config, { backup: manifest.name, targetUrl: urlOf(name) }, quietLog);
    await expect(attempt).rejects.toBeInstanceOf(RestoreRefused);
    await expect(attempt).rejects.toThrow(/is not empty .*--force/);
    const still = postgres(urlOf(name), { max: 1 });
    expect((await still`select to_regclass('keep_me') is not null as present`)[0]!.present).toBe(true);

    await restoreBackup(config, { backup: manifest.name, targetUrl: urlOf(name), force: true }, quietLog);
    expect((await still`select to_regclass('keep_me') is not null as present`)[0]!.present).toBe(false);
    await still.end();
    expect((await compareWithDump(urlOf(name), path.join(config.dir, manifest.name, DUMP))).identical).toBe(true);
  });

  it("puts the uploaded files back with --files", async () => {
    const photo = path.join(config.dataDir, "uploads", "photos", "m1.webp");
    const original = fs.readFileSync(photo);
    fs.rmSync(photo);
    await restoreBackup(config, { backup: manifest.name, targetUrl: urlOf(unusedName("files")), files: true }, quietLog);
    expect(fs.readFileSync(photo).equals(original)).toBe(true);
  });
});

describe("backups in S3 (an S3-compatible server)", () => {
  const directory = path.join(work, "s3rver");
  let s3server: S3rver;
  let client: S3Client;
  let config: BackupConfig;

  beforeAll(async () => {
    fs.mkdirSync(directory, { recursive: true });
    s3server = new S3rver({ port: 0, address: "127.0.0.1", directory, silent: true });
    const { port } = await s3server.run();
    const endpoint = `http://127.0.0.1:${port}`;
    // s3rver's fixed credentials, read by the AWS SDK's default chain.
    process.env.AWS_ACCESS_KEY_ID = "S3RVER";
    process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
    client = new S3Client({ region: "ap-southeast-1", endpoint, forcePathStyle: true });
    for (const Bucket of ["drill-backups", "drill-uploads"]) await client.send(new CreateBucketCommand({ Bucket }));
    const url = await seededDatabase("s3", 30);
    config = configFor("s3", {
      databaseUrl: url,
      bucket: "drill-backups",
      endpoint,
      uploads: { bucket: "drill-uploads", endpoint },
    });
  });

  afterAll(async () => {
    client?.destroy();
    await s3server?.close();
  });

  it("uploads dump, files and manifest, prunes old backups, and restores database and files from the bucket", async () => {
    const photo = crypto.randomBytes(4096);
    await client.send(new PutObjectCommand({ Bucket: "drill-uploads", Key: "tickets/t1/shot.png", Body: photo, ContentType: "image/png" }));
    await client.send(new PutObjectCommand({ Bucket: "drill-backups", Key: "backups/kapatiran-20200101T000000.000Z/manifest.json", Body: "{}" }));

    const manifest = await takeBackup(config, quietLog);
    const keys = ((await client.send(new ListObjectsV2Command({ Bucket: "drill-backups" }))).Contents ?? []).map((object) => object.Key).sort();
    expect(keys).toEqual([
      `backups/${manifest.name}/database.dump`,
      `backups/${manifest.name}/files/tickets/t1/shot.png`,
      `backups/${manifest.name}/manifest.json`,
    ]);
    expect(manifest.files.items[0]).toMatchObject({ key: "tickets/t1/shot.png", contentType: "image/png", size: 4096 });

    await client.send(new DeleteObjectCommand({ Bucket: "drill-uploads", Key: "tickets/t1/shot.png" }));
    const target = urlOf(unusedName("froms3"));
    await restoreBackup(config, { backup: "latest", targetUrl: target, files: true }, quietLog);
    const back = await client.send(new GetObjectCommand({ Bucket: "drill-uploads", Key: "tickets/t1/shot.png" }));
    expect(Buffer.from(await back.Body!.transformToByteArray()).equals(photo)).toBe(true);
    expect(back.ContentType).toBe("image/png");

    const dumpFile = path.join(work, "from-s3.dump");
    const dump = await client.send(new GetObjectCommand({ Bucket: "drill-backups", Key: `backups/${manifest.name}/database.dump` }));
    fs.writeFileSync(dumpFile, Buffer.from(await dump.Body!.transformToByteArray()));
    expect((await compareWithDump(target, dumpFile)).identical).toBe(true);
  });
});

describe("the embedded PGlite", () => {
  it("backs up its folder and restores it into a new one with the same rows", async () => {
    const config = configFor("pglite", { databaseUrl: undefined });
    const source = await openDatabase({ dataDir: path.join(config.dataDir, "db") });
    await migrate(source.db);
    await seedLargeChurch(source.db, { members: 40, slug: "drill-pglite" });
    await source.close();

    const manifest = await takeBackup(config, quietLog);
    expect(manifest.engine).toBe("pglite");
    expect(manifest.database.format).toBe("pglite-datadir");
    expect(manifest.rowCounts["public.members"]).toBe(40);

    const targetDir = path.join(work, "pglite-restored", "db");
    await restoreBackup(config, { backup: manifest.name, targetDir }, quietLog);
    await expect(restoreBackup(config, { backup: manifest.name, targetDir }, quietLog)).rejects.toThrow(/is not empty/);

    // Every table's rows, hashed in a stable order, the same in both folders.
    const { PGlite } = await import("@electric-sql/pglite");
    const fingerprint = async (dir: string) => {
      const db = await PGlite.create(dir, { extensions: await pgliteExtensions() });
      try {
        const tables = (await db.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public' order by 1")).rows;
        const sums: Record<string, string> = {};
        for (const { name } of tables) {
          const row = (await db.query<{ sum: string | null }>(`select md5(string_agg(t::text, '|' order by t::text)) as sum from "${name}" t`)).rows[0]!;
          sums[name] = row.sum ?? "empty";
        }
        return sums;
      } finally {
        await db.close();
      }
    };
    const original = await fingerprint(path.join(config.dataDir, "db"));
    expect(Object.keys(original).length).toBeGreaterThan(20);
    expect(await fingerprint(targetDir)).toEqual(original);
  });
});
