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

export function errorMessage(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return errorMessage(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message || String(code);
  }
  return String(error);
}
