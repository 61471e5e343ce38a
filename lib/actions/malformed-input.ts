/**
 * True when the database refused a value as malformed (SQLSTATE class 22, "data exception":
 * NUL in text, "x" for a uuid, a date out of range) — bad input that slipped past validation,
 * not a fault of ours. Action wrappers log it as one warning line instead of an error with a stack.
 */
export function isMalformedInputError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
}
