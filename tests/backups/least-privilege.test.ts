import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql as raw } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db/client.server";
import { migrate } from "~/db/migrations.server";
import { churches, members } from "~/db/schema.server";
import { seedLargeChurch } from "~/db/seed/demo.server";
import { acrossChurches, withChurch } from "~/db/tenancy.server";
import { loadBackupConfig, type BackupConfig } from "../../scripts/backups/config";
import { restoreBackup } from "../../scripts/backups/restore-backup";
import { takeBackup } from "../../scripts/backups/take-backup";

/*
 * Backup and restore with the AWS box's roles, none of them a superuser
 * (infra/aws/box/user-data.sh): the owner migrates and owns the tables, the
 * backup role reads everything (BYPASSRLS, pg_read_all_data), the restore role
 * may create databases and bypass row-level security and is a member of the
 * owner. The restored database must be the owner's and serve the app as the
 * original did. Role names are made unique: roles are shared by the whole server.
 */
const server = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const suffix = crypto.randomBytes(4).toString("hex");
const roles = { owner: `kapatiran_lp_owner_${suffix}`, backup: `kapatiran_lp_backup_${suffix}`, restore: `kapatiran_lp_restore_${suffix}` };
const names = { source: `kapatiran_lp_source_${suffix}`, restored: `kapatiran_lp_restored_${suffix}` };
const urlAs = (role: string, database: string) => Object.assign(new URL(server), { username: role, password: "", pathname: `/${database}` }).toString();
const admin = postgres(Object.assign(new URL(server), { pathname: "/postgres" }).toString(), { max: 1, onnotice: () => {} });
const work = fs.mkdtempSync(path.join(os.tmpdir(), "kapatiran-backups-lp-"));

let config: BackupConfig;
let churchId: string;

/**
 * The role statements of the box's first boot, as written there, with this
 * test's role names; the serving role kapatiran_app is shared by the server
 * (made only when missing). Passwords do not matter: the test server trusts loopback.
 */
function boxRoleStatements(): string[] {
  const script = fs.readFileSync(path.resolve("infra/aws/box/user-data.sh"), "utf8");
  const block = /psql -v ON_ERROR_STOP=1 <<SQL\n([\s\S]*?)\nSQL\n/.exec(script)?.[1];
  if (!block) throw new Error("no role statements found in infra/aws/box/user-data.sh");
  return block
    .split("\n")
    .filter((line) => line.trim() !== "" && !/^create role kapatiran_app\b/.test(line))
    .map((line) =>
      line
        .replace(/\bkapatiran_backup\b/g, roles.backup)
        .replace(/\bkapatiran_restore\b/g, roles.restore)
        .replace(/\bkapatiran\b(?!_)/g, roles.owner)
        .replace(/'\$[A-Z_]+'/g, "'not-used'"),
    );
}

beforeAll(async () => {
  await admin.unsafe(`
    do $$ begin
      if not exists (select 1 from pg_roles where rolname = 'kapatiran_app') then
        create role kapatiran_app nologin nosuperuser nobypassrls;
      end if;
    end $$`);
  const statements = boxRoleStatements();
  expect(statements.some((line) => line.includes(`create role ${roles.restore} login createdb bypassrls`))).toBe(true);
  for (const statement of statements) await admin.unsafe(statement);
  await admin.unsafe(`create database ${names.source} owner ${roles.owner}`);

  const connection = await openDatabase({ url: urlAs(roles.owner, names.source), poolSize: 2 });
  try {
    await migrate(connection.db);
    await seedLargeChurch(connection.db, { members: 150, slug: `lp-${suffix}` });
    const [church] = await acrossChurches((tx) => tx.select({ id: churches.id }).from(churches).where(eq(churches.slug, `lp-${suffix}`)), connection.db);
    churchId = church!.id;
  } finally {
    await connection.close();
  }
  const dataDir = path.join(work, "data");
  fs.mkdirSync(dataDir, { recursive: true });
  config = {
    ...loadBackupConfig({ DATA_DIR: dataDir, RELEASE: "least-privilege" } as unknown as NodeJS.ProcessEnv),
    databaseUrl: urlAs(roles.backup, names.source),
    restoreUrl: urlAs(roles.restore, "postgres"),
    restoreOwner: roles.owner,
  };
}, 120_000);

afterAll(async () => {
  for (const name of Object.values(names)) await admin.unsafe(`drop database if exists ${name} with (force)`);
  for (const role of [roles.restore, roles.backup, roles.owner]) {
    await admin.unsafe(`drop owned by ${role}`).catch(() => {});
    await admin.unsafe(`drop role if exists ${role}`);
  }
  await admin.end();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("backup and restore with least-privilege roles", () => {
  it("backs up as the read-only role and restores as the restore role into a database the owner owns", async () => {
    const manifest = await takeBackup(config, () => {});
    expect(manifest.rowCounts["public.members"]).toBeGreaterThanOrEqual(150);

    const result = await restoreBackup(
      config,
      { backup: "latest", targetUrl: urlAs(roles.restore, names.restored), owner: roles.owner },
      () => {},
    );
    expect(result.manifest.name).toBe(manifest.name);

    const [database] = await admin`select pg_get_userbyid(datdba) as owner from pg_database where datname = ${names.restored}`;
    expect(database!.owner).toBe(roles.owner);
    const restored = postgres(urlAs("postgres", names.restored), { max: 1, onnotice: () => {} });
    try {
      const strangers = await restored`
        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and pg_get_userbyid(c.relowner) <> ${roles.owner}`;
      expect(strangers).toEqual([]);
      const [members] = await restored`select relforcerowsecurity as forced from pg_class where relname = 'members'`;
      expect(members!.forced).toBe(true);
    } finally {
      await restored.end();
    }
  });

  it("serves the restored database to the app as the owner, with row-level security and the default grants", async () => {
    const connection = await openDatabase({ url: urlAs(roles.owner, names.restored), poolSize: 2 });
    try {
      // Migrating again finds nothing to do and does not fail on ownership.
      await migrate(connection.db);
      const seen = await withChurch(churchId, (tx) => tx.select({ id: members.id }).from(members), connection.db);
      expect(seen.length).toBeGreaterThanOrEqual(150);
      const elsewhere = await withChurch(crypto.randomUUID(), (tx) => tx.select({ id: members.id }).from(members), connection.db);
      expect(elsewhere).toEqual([]);

      // A table a later migration adds gets the app role's grants from the restored default privileges.
      await connection.db.execute(raw`create table lp_later (id int)`);
      const [grant] = (await connection.db.execute(
        raw`select has_table_privilege('kapatiran_app', 'lp_later', 'select') as granted`,
      )) as unknown as { granted: boolean }[];
      expect(grant!.granted).toBe(true);
    } finally {
      await connection.close();
    }
  });
});
