/**
 * Personal data and secrets never reach a log line. Log messages and fields pass through here:
 * e-mail addresses, long token-like strings and the parameters a failed query carries (drizzle
 * puts "params: name,e-mail,…" into its error message) are replaced by placeholders, and fields
 * whose name says they hold personal data or a secret are dropped to "[redacted]" whatever they hold.
 */

const EMAIL_ADDRESS = /[^\s@<>"',;:()[\]]+@[^\s@<>"',;:()[\]]+\.[^\s@<>"',;:()[\]]+/g;
import { isUuid } from "@/lib/text/uuid";
// Status-link tokens, session ids, signatures: 24+ URL-safe base64 or hex characters in a row
// (row ids, which are UUIDs, are kept: they are references, not secrets).
const TOKEN_LIKE = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{24,}(?![A-Za-z0-9_-])/g;
// drizzle's DrizzleQueryError: "Failed query: <sql>\nparams: <values>"; the values are the person's data.
const QUERY_PARAMETERS = /(\bparams:)[^\n]*/g;

// Field names that hold personal data or secrets. Names ending in "id"/"ids" (inboundEmailId) are references, kept.
const SENSITIVE_FIELD = /e-?mail|name|token|code|password|secret|phone|cookie|authorization|subject|body|text|address|\bto\b|\bfrom\b|ip\b/i;
const REFERENCE_FIELD = /ids?$/i;

/** Random strings mix digits and letters; long snake_case names (SQL identifiers) and UUIDs are kept. */
function looksRandom(candidate: string): boolean {
  return /\d/.test(candidate) && /[A-Za-z]/.test(candidate) && !isUuid(candidate);
}

/** Redacts e-mail addresses, token-like strings and query parameters in free text. */
export function redactText(text: string): string {
  return text.replace(QUERY_PARAMETERS, "$1 [redacted]").replace(EMAIL_ADDRESS, "[email]").replace(TOKEN_LIKE, (match) => (looksRandom(match) ? "[token]" : match));
}

function isSensitiveField(name: string): boolean {
  return !REFERENCE_FIELD.test(name) && SENSITIVE_FIELD.test(name);
}

/** A copy of log fields with sensitive fields replaced and every string redacted. */
export function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, isSensitiveField(name) ? "[redacted]" : redactValue(value)]));
}

function redactValue(value: unknown): unknown {
  if (typeof value === "string") return redactText(value);
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === "object" && !(value instanceof Date)) return redactFields(value as Record<string, unknown>);
  return value;
}
