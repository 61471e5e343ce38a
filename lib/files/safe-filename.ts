import { DATA_PACKAGE_FILE_TYPES, type UploadContentType } from "./upload-limits";

/** Longest display name we keep, in user-perceived characters, extension included. */
export const MAX_FILENAME_LENGTH = 100;

const FALLBACK_BASE = "file";
// Control, format (bidi overrides such as U+202E, zero-width) and line/paragraph separators:
// invisible characters that make a name lie about itself or break headers and logs.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
// Characters Windows refuses in file names; the person who downloads it may be on Windows.
const WINDOWS_RESERVED = /[<>:"|?*]/g;
// Something that looks like a file extension, so "scan.exe" loses ".exe" but "report v1.2" keeps ".2".
const EXTENSION = /^[a-z][a-z0-9]{0,4}$/i;

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function truncate(value: string, max: number): string {
  const parts = Array.from(graphemes.segment(value), (s) => s.segment);
  return parts.length <= max ? value : parts.slice(0, max).join("");
}

function trimEdges(value: string): string {
  // Leading dots hide files on Unix; trailing dots and spaces vanish on Windows.
  return value.replace(/^[\s.]+/u, "").replace(/[\s.]+$/u, "");
}

/**
 * A name as the person gave it, made safe to show and store: last path segment only, no invisible
 * characters, Unicode (Cyrillic, Kazakh) kept in NFC, bounded length. Never empty.
 */
export function cleanFilename(name: string): string {
  const lastSegment = name.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = trimEdges(lastSegment.replace(INVISIBLE, "").replace(WINDOWS_RESERVED, "_").replace(/\s+/gu, " "));
  return trimEdges(truncate(cleaned, MAX_FILENAME_LENGTH)) || FALLBACK_BASE;
}

/** cleanFilename, with the extension made to match the type detected from the bytes. */
export function safeDisplayFilename(name: string, contentType: UploadContentType): string {
  const type = DATA_PACKAGE_FILE_TYPES[contentType];
  let base = cleanFilename(name);
  let ext: string = type.ext;
  const dot = base.lastIndexOf(".");
  if (dot > 0) {
    const given = base.slice(dot + 1).toLowerCase();
    if (EXTENSION.test(given)) {
      base = base.slice(0, dot);
      // Keep the person's spelling when it is right for the type (photo.jpeg stays .jpeg).
      if ((type.aliases as readonly string[]).includes(given)) ext = given;
    }
  }
  base = trimEdges(truncate(base, MAX_FILENAME_LENGTH - ext.length - 1)) || FALLBACK_BASE;
  return `${base}.${ext}`;
}
