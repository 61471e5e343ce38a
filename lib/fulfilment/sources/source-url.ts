import path from "node:path";

/**
 * A source's connection URL: postgres://… for a real database, or pglite:<folder> for an
 * embedded one (the demo's sample app). Checked before it is stored.
 */
export function isSourceUrl(value: string): boolean {
  if (/^pglite:.+/.test(value)) return true;
  return /^postgres(ql)?:\/\/[^/]+/.test(value) && URL.canParse(value);
}

/** For log lines and the dashboard: where, never the password. */
export function describeSourceUrl(value: string): string {
  if (value.startsWith("pglite:")) return `embedded PGlite in ${path.resolve(value.slice("pglite:".length))}`;
  try {
    const url = new URL(value);
    return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    return "(unreadable URL)";
  }
}
