/**
 * The one place that makes outside text (mail, form fields, file names, headers) safe to store
 * and to show. PostgreSQL text columns refuse U+0000, and a lone UTF-16 surrogate cannot be
 * encoded as UTF-8, so both would make an insert throw far from where the text came in.
 */
export function toStorableText(value: string): string {
  // toWellFormed replaces lone surrogates with U+FFFD; NUL is dropped outright.
  return value.toWellFormed().replaceAll("\u0000", "");
}

/** Like toStorableText, for a value that may be absent. */
export function toStorableTextOrNull(value: string | null | undefined): string | null {
  return value == null ? null : toStorableText(value);
}

// Zero-width characters and bidirectional controls: in a name they make "Adm\u200bin \u202Etxt.exe"
// look like "Admin exe.txt". ZWNJ (U+200C) and ZWJ (U+200D) are kept: Persian and emoji need them.
const INVISIBLE_FORMAT_CONTROLS = /[\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Removes zero-width characters and bidi overrides/isolates (for names and short labels). */
export function stripInvisibleFormatControls(value: string): string {
  return value.replace(INVISIBLE_FORMAT_CONTROLS, "");
}

// C0 controls and DEL, except tab, line feed and carriage return.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** True when the text holds a control character a person cannot have meant to type. */
export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/** True when typed input cannot be stored as it is: a control character or a lone surrogate. */
export function hasUnstorableCharacters(value: string): boolean {
  return hasControlCharacters(value) || !value.isWellFormed();
}
