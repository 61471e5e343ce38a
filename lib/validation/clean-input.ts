import { z } from "zod";
import { hasUnstorableCharacters, stripInvisibleFormatControls } from "@/lib/text/clean-text";

/**
 * The text checks every form schema shares (browser and server): control characters (NUL, ESC,
 * …) and lone surrogates are refused with a message the form translates next to the field —
 * nobody types them, and PostgreSQL refuses NUL — and names lose zero-width and bidi controls.
 */
export const CONTROL_CHARACTERS = "controlCharacters";

/** A string schema that refuses control characters; `required` is the code for a missing value. */
export function cleanString(required = "required") {
  return z.string(required).refine((value) => !hasUnstorableCharacters(value), CONTROL_CHARACTERS);
}

/** A person's name or a short label: like cleanString, with invisible format controls removed first. */
export function cleanName(required = "required") {
  return z.string(required).overwrite(stripInvisibleFormatControls).refine((value) => !hasUnstorableCharacters(value), CONTROL_CHARACTERS);
}
