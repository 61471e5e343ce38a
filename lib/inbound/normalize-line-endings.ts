const CR = 0x0d;
const LF = 0x0a;

/** Is the first line ending a CR with no LF after it (old Mac-style mail, some bounce generators)? */
function firstLineEndsWithLoneCr(bytes: Uint8Array): boolean {
  for (let index = 0; index < bytes.length; index++) {
    if (bytes[index] === LF) return false;
    if (bytes[index] === CR) return bytes[index + 1] !== LF;
  }
  return false;
}

/**
 * The bytes to parse when a message's lines end in a bare CR: every lone CR becomes CRLF, so the
 * parser finds the header section. CRLF and LF messages come back unchanged (the same array), so
 * a binary part in an ordinary message is never touched. The stored raw bytes are never this copy.
 */
export function normalizeLineEndings(bytes: Uint8Array): Uint8Array {
  if (!firstLineEndsWithLoneCr(bytes)) return bytes;
  let loneCrs = 0;
  for (let index = 0; index < bytes.length; index++) if (bytes[index] === CR && bytes[index + 1] !== LF) loneCrs++;
  const out = new Uint8Array(bytes.length + loneCrs);
  let cursor = 0;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!;
    out[cursor++] = byte;
    if (byte === CR && bytes[index + 1] !== LF) out[cursor++] = LF;
  }
  return out;
}
