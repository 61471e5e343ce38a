import { getEnv } from "@/lib/env";
import { redactFields, redactText } from "@/lib/text/redact-personal-data";

const LEVELS = ["debug", "info", "warn", "error"] as const;
export type Level = (typeof LEVELS)[number];

/**
 * One JSON object per line ({"app","level","time","message","fields"}): a newline or quote in a
 * message stays inside its string, so outside text cannot start a fake entry, and log tools can
 * parse every line. Messages and fields pass through the personal-data redaction first.
 */
export function formatLogLine(level: Level, message: string, fields?: Record<string, unknown>, { time = new Date(), redact = true } = {}): string {
  const entry: Record<string, unknown> = { app: "privacy-desk", level, time: time.toISOString(), message: redact ? redactText(message) : message };
  if (fields && Object.keys(fields).length > 0) entry.fields = redact ? redactFields(fields) : fields;
  return JSON.stringify(entry);
}

function write(level: Level, message: string, details?: Record<string, unknown>, redact = true) {
  if (LEVELS.indexOf(level) < LEVELS.indexOf(getEnv().LOG_LEVEL)) return;
  const line = formatLogLine(level, message, details, { redact });
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

/** One line per event; unexpected errors are logged here, never shown to users. */
export const log = {
  debug: (message: string, details?: Record<string, unknown>) => write("debug", message, details),
  info: (message: string, details?: Record<string, unknown>) => write("info", message, details),
  warn: (message: string, details?: Record<string, unknown>) => write("warn", message, details),
  error: (message: string, details?: Record<string, unknown>) => write("error", message, details),
  /** A start-up notice the app composes itself from settings (the demo login), written unredacted. */
  startupNotice: (message: string) => write("info", message, undefined, false),
};

/**
 * An error as text: `code: message`, then what caused it (`error.cause`, as drizzle's "Failed
 * query" wraps the database's own error), so the reason is never lost. Each cause starts a line
 * of its own, so the redaction of a failed query's parameters (to the end of their line) never
 * swallows it.
 */
export function errorMessage(error: unknown, depth = 0): string {
  if (error instanceof AggregateError && error.errors.length > 0) return errorMessage(error.errors[0], depth);
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: string }).code;
  const own = code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message || String(code);
  const cause = (error as { cause?: unknown }).cause;
  if (cause === undefined || cause === null || depth >= 4) return own;
  const because = errorMessage(cause, depth + 1);
  return own.includes(because) ? own : `${own}\ncaused by: ${because}`;
}
