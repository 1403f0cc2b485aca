import { describe, expect, it } from "vitest";
import { loadBackupConfig, readFlags, UsageError } from "../../scripts/backups/config";

const config = (environment: Record<string, string>) => loadBackupConfig(environment as unknown as NodeJS.ProcessEnv);

describe("the backup tools' settings", () => {
  it("restores through the restore role's address when there is one, else the backup's, else the app's", () => {
    const app = "postgres://kapatiran@127.0.0.1/kapatiran";
    const backup = "postgres://kapatiran_backup@127.0.0.1/kapatiran";
    const restore = "postgres://kapatiran_restore@127.0.0.1/postgres";
    expect(config({ DATABASE_URL: app, BACKUP_DATABASE_URL: backup, RESTORE_DATABASE_URL: restore }).restoreUrl).toBe(restore);
    expect(config({ DATABASE_URL: app, BACKUP_DATABASE_URL: backup }).restoreUrl).toBe(backup);
    expect(config({ DATABASE_URL: app }).restoreUrl).toBe(app);
    expect(config({ DATABASE_URL: app }).restoreOwner).toBeUndefined();
    expect(config({ RESTORE_OWNER: " kapatiran " }).restoreOwner).toBe("kapatiran");
  });

  it("reads a flag that repeats, in order, and refuses one without a value", () => {
    const flags = readFlags(["--env-file", "/srv/kapatiran/app.env", "--list", "--env-file", "/srv/kapatiran/backup.env"]);
    expect(flags.all("--env-file")).toEqual(["/srv/kapatiran/app.env", "/srv/kapatiran/backup.env"]);
    expect(flags.all("--database")).toEqual([]);
    expect(() => readFlags(["--env-file", "--list"]).all("--env-file")).toThrow(UsageError);
  });
});
