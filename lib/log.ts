import { getEnv } from "@/lib/env";

const LEVELS = ["debug", "info", "warn", "error"] as const;
type Level = (typeof LEVELS)[number];

function write(level: Level, message: string, details?: Record<string, unknown>) {
  if (LEVELS.indexOf(level) < LEVELS.indexOf(getEnv().LOG_LEVEL)) return;
  const line = `[privacy-desk] ${level.toUpperCase()} ${message}${details ? " " + JSON.stringify(details) : ""}`;
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

/** One readable line per event; unexpected errors are logged here, never shown to users. */
export const log = {
  debug: (message: string, details?: Record<string, unknown>) => write("debug", message, details),
  info: (message: string, details?: Record<string, unknown>) => write("info", message, details),
  warn: (message: string, details?: Record<string, unknown>) => write("warn", message, details),
  error: (message: string, details?: Record<string, unknown>) => write("error", message, details),
};

export function errorMessage(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return errorMessage(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message || String(code);
  }
  return String(error);
}
