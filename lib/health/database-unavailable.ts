/**
 * "The database cannot answer right now" — as opposed to a bug. Such errors become a 503 with a
 * translated "try again shortly" (proxy.ts, components/error-notice.tsx), never a 500 "unexpected".
 */

/** Next keeps an error's own digest on its way to the browser, where error.tsx recognises it. */
export const DATABASE_UNAVAILABLE_DIGEST = "DATABASE_UNAVAILABLE";

// Node's network errors and postgres.js's own connection errors.
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

// SQLSTATEs: shutting down or starting (57P01–57P03), too many connections (53300), statement
// or lock time-out (57014, 55P03: the database is too busy to answer in time).
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "57014", "55P03"]);

export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor(cause: unknown) {
    super("the database is unavailable", { cause });
    this.name = "DatabaseUnavailableError";
  }
}

/** True for an error (or anything in its cause chain, or an AggregateError's parts) saying the database cannot answer. */
export function isDatabaseUnavailableError(error: unknown, depth = 0): boolean {
  if (depth > 8 || typeof error !== "object" || error === null) return false;
  if (error instanceof DatabaseUnavailableError) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith("08"))) return true;
  if (error instanceof AggregateError && error.errors.some((part) => isDatabaseUnavailableError(part, depth + 1))) return true;
  return isDatabaseUnavailableError((error as { cause?: unknown }).cause, depth + 1);
}
