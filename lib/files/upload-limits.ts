/**
 * Upload limits and problem codes. No imports, so client forms can show the same numbers the
 * server enforces (lib/files/upload-rules.ts) without bundling the type detector.
 */

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_SUBMISSION = 5;
/** Images above this many pixels (a 48 MP phone photo passes) are refused before anyone opens them. */
export const MAX_IMAGE_MEGAPIXELS = 50;

/** What we accept, keyed by the MIME type detected from the bytes; `ext` is the canonical extension. */
export const ALLOWED_FILE_TYPES = {
  "application/pdf": { ext: "pdf", aliases: ["pdf"] },
  "image/jpeg": { ext: "jpg", aliases: ["jpg", "jpeg", "jpe", "jfif"] },
  "image/png": { ext: "png", aliases: ["png"] },
} as const satisfies Record<string, { ext: string; aliases: readonly string[] }>;

export type AllowedContentType = keyof typeof ALLOWED_FILE_TYPES;

/**
 * A data package staff deliver on "complete" may also be what the requester chose on the access
 * form (JSON or CSV) or several files in one ZIP. Only staff upload these; requesters never can.
 */
export const DATA_PACKAGE_FILE_TYPES = {
  ...ALLOWED_FILE_TYPES,
  "application/json": { ext: "json", aliases: ["json"] },
  "text/csv": { ext: "csv", aliases: ["csv"] },
  "application/zip": { ext: "zip", aliases: ["zip"] },
} as const satisfies Record<string, { ext: string; aliases: readonly string[] }>;

/** Every type a stored upload can have. */
export type UploadContentType = keyof typeof DATA_PACKAGE_FILE_TYPES;

/** What a set of files is for: requesters' attachments, or a data package from staff. */
export type UploadKind = "attachment" | "data_package";

export const DATA_PACKAGE_ACCEPT_ATTRIBUTE = ".pdf,.jpg,.jpeg,.png,.json,.csv,.zip,application/pdf,image/jpeg,image/png,application/json,text/csv,application/zip";

/** For `<input type="file" accept=…>`: a hint to the browser only; the server decides by content. */
export const UPLOAD_ACCEPT_ATTRIBUTE = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

/** Codes, not sentences: the UI translates them. */
export const UPLOAD_PROBLEM_CODES = ["too_large", "bad_type", "empty", "too_many", "too_many_pixels"] as const;
export type UploadProblemCode = (typeof UPLOAD_PROBLEM_CODES)[number];

/** The message key of each problem in the forms' error catalogues (they take name, maxMb, maxFiles, maxMegapixels). */
export const UPLOAD_PROBLEM_MESSAGE_KEYS = {
  too_large: "fileTooLarge",
  bad_type: "fileBadType",
  empty: "fileEmpty",
  too_many: "fileTooMany",
  too_many_pixels: "fileTooManyPixels",
} as const satisfies Record<UploadProblemCode, string>;

export function isAllowedContentType(value: string): value is AllowedContentType {
  return Object.hasOwn(ALLOWED_FILE_TYPES, value);
}
