import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The box's first-boot script (box/user-data.sh) with the stack's names
 * filled in, and the backup files of infra/box/ (scripts/backup's systemd
 * timer, pgBackRest's units and configuration, PostgreSQL's WAL archiving)
 * written out by it. Read at synth time, so the template always carries the
 * files the repository has.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
export const BOX_FILES_DIR = path.resolve(here, "../box");
/** The nginx site in front of the blue and green slots (the same file tests/deploy runs on loopback). */
export const NGINX_SITE = path.resolve(here, "../nginx/kapatiran.conf");

/** Where each kind of file in infra/box/ goes on the box; anything else there is not installed. */
export function destinationOf(name: string): string | undefined {
  if (/\.(service|timer)$/.test(name)) return `/etc/systemd/system/${name}`;
  if (name === "pgbackrest.conf") return "/etc/pgbackrest.conf";
  if (name === "postgresql-archiving.conf") return "/etc/postgresql/15/main/conf.d/kapatiran-archiving.conf";
  if (name === "postgresql-tuning.conf") return "/etc/postgresql/15/main/conf.d/kapatiran-tuning.conf";
  return undefined;
}

/**
 * The nginx site without its comments and blank lines: EC2 takes at most 16 KB of
 * user data, and the comments stay readable in the repository (the files of
 * infra/box/ are written out the same way).
 */
export function nginxSite(file = NGINX_SITE): string {
  return withoutComments(fs.readFileSync(file, "utf8"));
}

/** A configuration file's settings only: nginx, systemd, pgBackRest and PostgreSQL all comment with "#". */
export function withoutComments(text: string): string {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trim().startsWith("#"))
    .join("\n");
}

export interface BoxFile {
  name: string;
  destination: string;
  text: string;
}

/** The files of infra/box/ the box installs, in name order. */
export function boxFiles(dir = BOX_FILES_DIR): BoxFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const destination = destinationOf(name);
      return destination ? [{ name, destination, text: fs.readFileSync(path.join(dir, name), "utf8") }] : [];
    });
}

export interface UserDataValues {
  region: string;
  domain: string;
  localDatabase: boolean;
  uploadsBucket: string;
  backupsBucket: string;
  userPoolId: string;
  userPoolClientId: string;
  cognitoDomain: string;
  agentConfig: object;
  emfFile: string;
  /** The ECR repository the deploy tools pull releases from (DEPLOY_IMAGE). */
  imageRepository: string;
}

export function userDataScript(values: UserDataValues, files = boxFiles()): string {
  const template = fs.readFileSync(path.join(here, "box/user-data.sh"), "utf8");
  const fill: Record<string, string> = {
    __REGION__: values.region,
    __LOCAL_DATABASE__: values.localDatabase ? "yes" : "no",
    __DOMAIN__: values.domain,
    __UPLOADS_BUCKET__: values.uploadsBucket,
    __BACKUPS_BUCKET__: values.backupsBucket,
    __USER_POOL_ID__: values.userPoolId,
    __USER_POOL_CLIENT_ID__: values.userPoolClientId,
    __COGNITO_DOMAIN__: values.cognitoDomain,
    // Compact: EC2 takes at most 16 KB of user data.
    __AGENT_CONFIG__: JSON.stringify(values.agentConfig),
    __EMF_FILE__: values.emfFile,
    __NGINX_SITE__: nginxSite(),
    __IMAGE_REPOSITORY__: values.imageRepository,
  };
  const filled = (text: string) => text.replace(/__[A-Z_]+__/g, (word) => fill[word] ?? word);
  // Each file as a quoted here-document: the shell expands nothing in it; the stack's names are filled in here.
  const writeFiles = files.map((file) => `  cat >${file.destination} <<'FILE'\n${filled(withoutComments(file.text))}\nFILE`).join("\n");
  const timers = files.filter((file) => file.name.endsWith(".timer")).map((file) => file.name);
  return filled(template)
    .replace("__BACKUP_FILES__", writeFiles || "  : # no files in infra/box/ yet")
    .replace("__BACKUP_TIMERS__", timers.join(" "));
}
