import { z } from "zod";

/**
 * The one place that reads process.env. Everything else imports `env`.
 * Parsing happens once, at first import; a bad value stops the process with
 * one readable line per problem (see `ConfigError`).
 */

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .refine(
      (v) => {
        if (v === undefined) return true;
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}` },
    );

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

const duration = (fallbackMinutes: number) =>
  z.coerce.number().int().positive().default(fallbackMinutes);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Public origin of the app, e.g. https://kapatiran.example; derived from PORT when absent. */
    APP_URL: optionalUrl(["http:", "https:"]),
    DATABASE_URL: optionalUrl(["postgres:", "postgresql:"]),
    /** Where the embedded database, generated secrets and local uploads live. */
    DATA_DIR: z.string().trim().default("./data"),
    /**
     * PostgreSQL connections per app process. 5 = 2 × 2 cores + 1, the usual rule for a
     * 2-vCPU box that runs PostgreSQL beside the app: more connections only queue inside
     * PostgreSQL instead of in the pool. Blue and green together hold 10 during a deploy
     * (30 with WEB_CONCURRENCY=2, plus one listening connection per app process: ADR 014),
     * well inside max_connections (100), leaving room for backups, migrations and psql.
     */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
    /**
     * App processes serving HTTP (server/workers.ts): one JavaScript thread uses one core,
     * so 2 on a 2-vCPU box. Needs DATABASE_URL: the embedded database is one process.
     */
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
    /**
     * Memory for the render memo (app/utils/rendered-pages.server.ts), per app process, in
     * megabytes; 0 turns it off (every page rendered for each request). 32 holds about a
     * thousand recent pages, under 2 % of a t3.medium's memory for each of blue and green.
     */
    RENDER_MEMO_MB: z.coerce.number().min(0).max(1024).default(32),
    /**
     * Directory pages and member cards each app process keeps, as the privacy policy
     * decided them for the member who asked (ADR 014); 0 keeps none (every page read).
     * A page is some tens of kilobytes: 1,000 is at most a few tens of megabytes.
     */
    KEPT_MEMBER_PAGES: z.coerce.number().int().min(0).max(100_000).default(1000),
    REDIS_URL: optionalUrl(["redis:", "rediss:"]),
    SESSION_SECRET: optionalText.refine((v) => v === undefined || v.length >= 32, {
      message: "must be at least 32 characters",
    }),
    SESSION_IDLE_MINUTES: duration(30),
    SESSION_ABSOLUTE_MINUTES: duration(7 * 24 * 60),
    /**
     * Sign-in requests allowed per client address per minute. Generous because
     * Philippine mobile carriers put many phones behind one address (CGNAT).
     */
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(60),
    /** Anonymous form posts (help feedback, cookie choices) per client address per minute. */
    PUBLIC_FORM_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
    COGNITO_DOMAIN: optionalText,
    COGNITO_CLIENT_ID: optionalText,
    COGNITO_CLIENT_SECRET: optionalText,
    COGNITO_USER_POOL_ID: optionalText,
    AWS_REGION: optionalText,
    S3_BUCKET: optionalText,
    S3_ENDPOINT: optionalUrl(["http:", "https:"]),
    CDN_URL: optionalUrl(["http:", "https:"]),
    SMTP_URL: optionalUrl(["smtp:", "smtps:"]),
    /** Sender of the e-mail the app sends (invitations), as `Name <address>`. */
    MAIL_FROM: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || "Kapatiran <no-reply@kapatiran.example>"),
    METRICS_TOKEN: optionalText,
    SENTRY_DSN: optionalUrl(["http:", "https:"]),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** This app process's name in metrics and rollups (blue-green runs two: "blue", "green"); hostname:port when absent. */
    INSTANCE_NAME: optionalText,
    /** What is deployed (a git commit or tag), reported with client errors. */
    RELEASE: optionalText,
    /** How often figures are rolled up, EMF lines written and alert rules evaluated; 60 in production, shorter in tests. */
    METRICS_INTERVAL_SECONDS: z.coerce.number().positive().max(3600).default(60),
    /**
     * Where the once-a-minute CloudWatch EMF lines go, for the CloudWatch agent to tail
     * (docs/decisions/008-metrics-emf.md): a file path, "stdout", or "off". Default DATA_DIR/logs/emf.log.
     */
    EMF_FILE: optionalText,
    /** Operators told when an alert fires or clears, comma-separated e-mail addresses. */
    OPS_ALERT_EMAILS: optionalText,
    /** Where alerts are also posted as JSON (an SNS HTTPS endpoint, a chat webhook). */
    ALERT_WEBHOOK_URL: optionalUrl(["http:", "https:"]),
    /** Refused sign-ins per minute above which the sign_in_failures alert fires (app/ops/thresholds.ts by default). */
    ALERT_SIGN_IN_FAILURES_PER_MINUTE: z.coerce.number().int().positive().optional(),
    /** Rate-limit refusals per minute above which the rate_limit_hits alert fires (app/ops/thresholds.ts by default). */
    ALERT_RATE_LIMIT_HITS_PER_MINUTE: z.coerce.number().int().positive().optional(),
    /**
     * Proxies in front of the app that each append to X-Forwarded-For, so the client's
     * address is that many entries from the right: 1 = nginx alone; on AWS 3 (CloudFront,
     * the load balancer, nginx). Rate limits and the audit log depend on it being right.
     */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(1),
    /** The monthly AWS budget in US dollars: the cost panel's warnings at 50, 75 and 90 %. */
    BUDGET_MONTHLY_USD: z.coerce.number().positive().default(100),
    /** The usual maintenance window's hours, local to MAINTENANCE_TIME_ZONE: what the scheduling form offers. */
    MAINTENANCE_WINDOW: z
      .string()
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, { message: 'must look like "02:00-04:00"' })
      .default("02:00-04:00"),
    /** The time zone maintenance windows are scheduled and announced in. */
    MAINTENANCE_TIME_ZONE: z
      .string()
      .trim()
      .default("Asia/Manila")
      .refine((zone) => Intl.supportedValuesOf("timeZone").includes(zone) || zone === "UTC", {
        message: 'must be an IANA time zone such as "Asia/Manila"',
      }),
    /** Test-only fault switch at /platform/ops/faults; production refuses to start with it. */
    ALLOW_FAULT_INJECTION: z
      .enum(["true", "false", "1", "0", ""])
      .optional()
      .transform((v) => v === "true" || v === "1"),
    /** Seed demo data into a DATABASE_URL database too (never the default). */
    SEED_DEMO: z
      .enum(["true", "false", "1", "0", ""])
      .optional()
      .transform((v) => v === "true" || v === "1"),
  })
  .superRefine((value, ctx) => {
    const production = value.NODE_ENV === "production";
    if (production && !value.SESSION_SECRET) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["SESSION_SECRET"],
        message: "is required in production (at least 32 random characters)",
      });
    }
    // AWS_REGION also serves S3, so it alone does not mean "Cognito is configured".
    const cognito = ["COGNITO_DOMAIN", "COGNITO_CLIENT_ID", "COGNITO_USER_POOL_ID"] as const;
    const given = cognito.filter((key) => value[key] !== undefined);
    if (given.length > 0) {
      const missing = [...cognito, "AWS_REGION" as const].filter((key) => value[key] === undefined);
      for (const key of missing) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: [key],
          message: `is required when ${given.join(", ")} ${given.length === 1 ? "is" : "are"} set`,
        });
      }
    }
    if (production && given.length === 0) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["COGNITO_DOMAIN"],
        message:
          "is required in production: the local identity provider is for development only (also set COGNITO_CLIENT_ID, COGNITO_USER_POOL_ID, AWS_REGION)",
      });
    }
    if (production && value.ALLOW_FAULT_INJECTION) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["ALLOW_FAULT_INJECTION"],
        message: "is for tests and drills only: production never injects faults",
      });
    }
    if (value.WEB_CONCURRENCY > 1 && value.DATABASE_URL === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["WEB_CONCURRENCY"],
        message: "above 1 needs DATABASE_URL: the embedded database serves one process",
      });
    }
    if (value.WEB_CONCURRENCY > 1 && given.length === 0) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["WEB_CONCURRENCY"],
        message: "above 1 needs Cognito: the local identity provider keeps sign-ins in one process's memory",
      });
    }
    if (value.S3_ENDPOINT && !value.S3_BUCKET) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["S3_BUCKET"], message: "is required when S3_ENDPOINT is set" });
    }
  });

export type Env = Readonly<
  z.infer<typeof schema> & {
    /** True when no DATABASE_URL is given: PGlite under DATA_DIR/db. */
    embeddedDatabase: boolean;
    /** True when Cognito settings are absent: the app serves its own OpenID provider. */
    localIdentityProvider: boolean;
    appUrl: string;
    /** The Cognito hosted UI's origin, `https://<domain>`, whether COGNITO_DOMAIN was given with a scheme or not. */
    cognitoOrigin: string | undefined;
  }
>;

/** Raised for bad configuration; the entry point prints `lines` and exits non-zero. */
export class ConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
    this.name = "ConfigError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join(".") || "environment";
        const received = "received" in issue ? ` (got ${JSON.stringify(issue.received)})` : "";
        return `Configuration error: ${name} ${issue.message}${received}`;
      }),
    );
  }
  const value = result.data;
  return Object.freeze({
    ...value,
    embeddedDatabase: value.DATABASE_URL === undefined,
    localIdentityProvider: value.COGNITO_DOMAIN === undefined,
    appUrl: (value.APP_URL ?? `http://localhost:${value.PORT}`).replace(/\/$/, ""),
    cognitoOrigin: value.COGNITO_DOMAIN
      ? `https://${value.COGNITO_DOMAIN.replace(/^https?:\/\//, "").replace(/\/+$/, "")}`
      : undefined,
  });
}

function loadEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Fail fast and readably: an operator should see what to fix, not a stack.
    process.stderr.write(`${error.lines.join("\n")}\n`);
    process.exit(1);
  }
}

export const env: Env = loadEnv();
