import { z } from "zod";
import { LOCALES } from "./i18n/locales";
import { FILED_JURISDICTIONS } from "./requests/jurisdictions";

/**
 * The one reader of process.env. Every setting is validated here; a wrong value stops start-up
 * with a message naming the variable and what it expects. Empty strings count as unset, so a
 * blank line in a .env file falls back to the default.
 */


function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/[^/]+/.test(value) && URL.canParse(value), {
    message: "expected a PostgreSQL connection URL such as postgres://user:password@host:5432/dbname",
  });

/** A whole number within bounds, with one message for every way it can be wrong ("abc", 2.5, -1, too big). */
function wholeNumber(min: number, max: number, unit: string, hint?: string) {
  const message = `expected a whole number of ${unit} from ${min} to ${max}${hint ? ` (${hint})` : ""}`;
  return z.coerce.number({ message }).int({ message }).min(min, { message }).max(max, { message });
}

const booleanFlag = z.enum(["true", "false", "1", "0"], { message: "expected true or false" }).transform((v) => v === "true" || v === "1");

const envShape = {
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  // PostgreSQL only (PGlite is one connection). Each app instance opens up to this many, plus one for health checks.
  DATABASE_POOL_SIZE: wholeNumber(1, 200, "connections").default(10),
  DATABASE_CONNECT_TIMEOUT_SECONDS: wholeNumber(1, 60, "seconds").default(5),
  // 0 turns a limit off. Migrations and exports run without one.
  DATABASE_STATEMENT_TIMEOUT_SECONDS: wholeNumber(0, 86_400, "seconds", "0 for none").default(30),
  DATABASE_LOCK_TIMEOUT_SECONDS: wholeNumber(0, 86_400, "seconds", "0 for none").default(10),
  DATA_DIR: z.string().min(1).default(".data"),
  APP_URL: z.url({ protocol: /^https?$/, message: "expected the public base URL, e.g. https://privacy.example.com" }).default("http://localhost:3000"),
  OPERATOR_NAME: z.string().trim().min(1).max(200).default("ТОО «Либерти Астана»"),
  OPERATOR_NAME_KK: z.string().trim().min(1).max(200).default("«Либерти Астана» ЖШС"),
  OPERATOR_NAME_EN: z.string().trim().min(1).max(200).default("Liberty Astana LLP"),
  OPERATOR_SUPPORT_EMAIL: z.email({ message: "expected an e-mail address such as support@example.com" }).default("info@smart-lift.kz"),
  OPERATOR_TIME_ZONE: z
    .string()
    .refine(isTimeZone, { message: "expected an IANA time zone such as Asia/Almaty" })
    .default("Asia/Almaty"),
  // A request's jurisdiction column accepts only these (OTHER is what a requester picks when unsure).
  DEFAULT_JURISDICTION: z.enum(FILED_JURISDICTIONS, { message: `expected a jurisdiction code: one of ${FILED_JURISDICTIONS.join(", ")}` }).default("KZ"),
  DEFAULT_LOCALE: z.enum(LOCALES, { message: `expected one of ${LOCALES.join(", ")}` }).default("ru"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\/[^/]+/.test(value) && URL.canParse(value), {
      message: "expected an SMTP URL such as smtp://user:password@mail.example.com:587 or smtps://…:465",
    })
    .optional(),
  DEV_MAILBOX: booleanFlag.optional(),
  DEV_MAILBOX_IN_PRODUCTION: booleanFlag.default(false),
  DEMO_DATA: booleanFlag.optional(),
  WORKER: z.enum(["in-process", "off"], { message: "expected in-process or off" }).default("in-process"),
  WORKER_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
  FILE_STORAGE: z.enum(["database", "disk"], { message: "expected database or disk" }).default("database"),
  RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
  RATE_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).max(100_000).default(5),
  NEXTAUTH_SECRET: z.string().min(32, "expected at least 32 random characters, e.g. from `openssl rand -base64 32`").optional(),
  STAFF_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  STAFF_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  STAFF_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  STAFF_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  STAFF_TWO_FACTOR_AGENTS: booleanFlag.default(false),
  RATE_LIMIT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  // How many reverse proxies in front of the app append to X-Forwarded-For (0: none, the header is ignored).
  TRUSTED_PROXY_HOPS: z.coerce.number({ message: "expected a whole number of proxies, 0 when clients connect directly" }).int().min(0).max(10).default(0),
  IMAP_HOST: z.string().trim().min(1).optional(),
  IMAP_PORT: z.coerce.number().int().min(1).max(65_535).default(993),
  IMAP_SECURE: booleanFlag.default(true),
  IMAP_USER: z.string().min(1).optional(),
  IMAP_PASSWORD: z.string().min(1).optional(),
  IMAP_MAILBOX: z.string().min(1).default("INBOX"),
  AUDIT_SIGNING_KEY: z
    .string()
    .refine((value) => /-----BEGIN PRIVATE KEY-----/.test(value) || /^[A-Za-z0-9+/]{40,}={0,2}$/.test(value), {
      message: "expected an Ed25519 private key, PEM or base64 PKCS#8, e.g. from `openssl genpkey -algorithm ed25519`",
    })
    .optional(),
  AUDIT_CHECKPOINT_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(1_000),
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(1).max(10_080).default(10),
  INBOUND_WEBHOOK_SECRET: z.string().min(32, "expected at least 32 random characters, e.g. from `openssl rand -hex 32`").optional(),
  // The benchmarks' baseline routes (POST /api/bench/insert for bench:submit, GET /api/bench/constant
  // for bench:pages); never on a real site.
  BENCHMARK_BASELINE: booleanFlag.default(false),
  METRICS_TOKEN: z.string().min(32, "expected at least 32 random characters, e.g. from `openssl rand -hex 32`").optional(),
  // Fulfilment (lib/fulfilment): the data map file, the key for what it stores, limits per run.
  FULFILMENT_MAP: z.string().trim().min(1).optional(),
  FULFILMENT_ENCRYPTION_KEY: z
    .string()
    .refine((value) => /^[0-9a-fA-F]{64}$/.test(value.trim()) || Buffer.from(value.trim(), "base64").length === 32, {
      message: "expected 32 random bytes as base64 or hex, e.g. from `openssl rand -base64 32`",
    })
    .optional(),
  FULFILMENT_ROW_CAP: wholeNumber(1, 1_000_000, "rows").default(10_000),
  FULFILMENT_STATEMENT_TIMEOUT_SECONDS: wholeNumber(1, 3_600, "seconds").default(30),
  // An access package (ZIP) bigger than this is refused on the run, not delivered (the status page's download and e-mail are not made for more).
  FULFILMENT_PACKAGE_MAX_MB: wholeNumber(1, 100, "MB").default(10),
  INBOUND_TRUSTED_AUTHSERV_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]+(?:\s*,\s*[A-Za-z0-9._-]+)*$/, {
      message: "expected the authserv-id your mail server writes into Authentication-Results, e.g. mx.example.com (several: comma-separated)",
    })
    .optional(),
};

const envSchema = z.object(envShape).superRefine((env, ctx) => {
  // The development mailbox shows every verification code and status link to anyone who opens it.
  if (env.NODE_ENV === "production" && env.DEV_MAILBOX === true && !env.DEV_MAILBOX_IN_PRODUCTION) {
    ctx.addIssue({
      code: "custom",
      path: ["DEV_MAILBOX"],
      message: "the development mailbox shows every code and status link publicly; refused with NODE_ENV=production unless DEV_MAILBOX_IN_PRODUCTION=true (test servers only)",
    });
  }
  if (!env.IMAP_HOST) return;
  for (const key of ["IMAP_USER", "IMAP_PASSWORD"] as const) {
    if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "required when IMAP_HOST is set (the support mailbox's login)" });
  }
});

export type Env = z.infer<typeof envSchema>;

/** Demo staff login and sample requests on an empty database: on in development by default. */
export function demoDataEnabled(env: Env = getEnv()): boolean {
  return env.DEMO_DATA ?? env.NODE_ENV === "development";
}

/** The development mailbox keeps outgoing mail in the database and shows it at /dev/mailbox. */
export function devMailboxEnabled(env: Env = getEnv()): boolean {
  return env.DEV_MAILBOX ?? env.NODE_ENV !== "production";
}

/** IMAP polling of the support mailbox, when configured. */
export function imapSettings(env: Env = getEnv()) {
  if (!env.IMAP_HOST || !env.IMAP_USER || !env.IMAP_PASSWORD) return null;
  return { host: env.IMAP_HOST, port: env.IMAP_PORT, secure: env.IMAP_SECURE, user: env.IMAP_USER, password: env.IMAP_PASSWORD, mailbox: env.IMAP_MAILBOX };
}
export type ImapSettings = NonNullable<ReturnType<typeof imapSettings>>;

/** The Authentication-Results authserv-ids to trust (our own mail server's), lower-cased; empty when unset. */
export function trustedAuthservIds(env: Env = getEnv()): string[] {
  return (env.INBOUND_TRUSTED_AUTHSERV_ID ?? "")
    .split(",")
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
}

export class EnvError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      "Invalid configuration — fix these environment variables (see README.md, \"Settings\"):\n" +
        problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n"),
    );
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.keys(envShape).map((key) => {
      const value = source[key]?.trim();
      return [key, value === "" ? undefined : value];
    }),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? "?"), message: issue.message })),
    );
  }
  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    cached = parseEnv(process.env);
    // next-auth reads its base URL from here; APP_URL is the one setting people configure.
    process.env.NEXTAUTH_URL ??= cached.APP_URL;
  }
  return cached;
}

/** A connection URL safe to print: the password is masked. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
