import { analyse } from "chardet";
import iconv from "iconv-lite";

/**
 * Turning a part's bytes into text when the declared charset cannot be trusted. Mail declares
 * "us-ascii" over UTF-8 bodies, puts raw 8-bit UTF-8 inside encoded words, and uses UTF-7, which
 * TextDecoder does not know. The rule: UTF-7 is decoded as UTF-7 (iconv-lite); otherwise bytes
 * that are valid UTF-8 (and not plain ASCII) are UTF-8 whatever the label says — other charsets
 * almost never form valid multi-byte UTF-8 by chance; otherwise the declared charset when it is
 * known and the bytes fit it; otherwise what chardet detects; windows-1252 as the last resort.
 */

const UTF7_LABELS = new Set(["utf-7", "utf7", "unicode-1-1-utf-7", "x-unicode-1-1-utf-7", "csunicode11utf7"]);
/** Labels that promise 7-bit text: non-ASCII bytes under them are surely in some other charset. */
const ASCII_LABELS = new Set(["us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "7bit", "unknown-8bit", "x-unknown", "unknown", "default"]);
const UTF8_LABELS = new Set(["utf-8", "utf8", "unicode-1-1-utf-8", "x-utf-8"]);
/** chardet's guesses below this confidence (0–100) are not trusted over windows-1252. */
const MIN_CONFIDENCE = 30;

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte > 0x7f) return false;
  return true;
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** A TextDecoder for the label, or null when neither TextDecoder nor iconv-lite know it. */
function decodeAs(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return iconv.encodingExists(label) ? iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), label) : null;
  }
}

function detect(bytes: Uint8Array): string | null {
  const sample = bytes.length > 64 * 1024 ? bytes.subarray(0, 64 * 1024) : bytes;
  for (const guess of analyse(sample)) {
    if (guess.confidence < MIN_CONFIDENCE) break;
    const text = decodeAs(bytes, guess.name);
    if (text !== null) return text;
  }
  return null;
}

export function normalizeCharsetLabel(label: string | null | undefined): string {
  return (label ?? "").trim().replace(/^["']|["']$/g, "").toLowerCase();
}

/** The text of a part whose bytes were declared as `charset` (which may be wrong or missing). */
export function decodeCharset(bytes: Uint8Array, charset: string | null | undefined): string {
  const label = normalizeCharsetLabel(charset);
  if (UTF7_LABELS.has(label)) return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "utf7");
  if (isAscii(bytes) && !label.startsWith("utf-16") && !label.startsWith("utf-32")) return new TextDecoder("utf-8").decode(bytes);
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return utf8;
  if (label && !UTF8_LABELS.has(label) && !ASCII_LABELS.has(label)) {
    const declared = decodeAs(bytes, label);
    if (declared !== null) return declared;
  }
  return detect(bytes) ?? new TextDecoder("windows-1252").decode(bytes);
}
