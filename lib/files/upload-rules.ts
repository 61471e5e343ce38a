import { fileTypeFromBuffer } from "file-type";
import { cleanFilename, safeDisplayFilename } from "./safe-filename";
import { imageDimensions } from "./image-dimensions";
import {
  MAX_FILE_BYTES,
  MAX_IMAGE_MEGAPIXELS,
  MAX_FILES_PER_SUBMISSION,
  isAllowedContentType,
  type AllowedContentType,
  type UploadContentType,
  type UploadKind,
  type UploadProblemCode,
} from "./upload-limits";

export * from "./upload-limits";

export type UploadInput = { name: string; bytes: Uint8Array };

/** A file that passed every rule: its type comes from its bytes, its name is safe to show. */
export type AcceptedUpload = { filename: string; contentType: UploadContentType; sizeBytes: number; bytes: Uint8Array };

/** `index` is the file's position in what was submitted; `name` is cleaned for display. */
export type UploadProblem = { index: number; name: string; code: UploadProblemCode };

export type UploadValidation = { ok: true; files: AcceptedUpload[] } | { ok: false; problems: UploadProblem[] };

// Markup a browser's sniffer (or a careless viewer) would take for HTML, in the first kilobyte.
const HTML_MARKUP = /<(!doctype\s+html|html|head|body|script|iframe|object|embed|svg|meta|title)[\s>/]/i;

/** A PDF must start with "%PDF-" at byte 0 (file-type also accepts it after a byte-order mark). */
function startsLikePdf(bytes: Uint8Array): boolean {
  return String.fromCharCode(...bytes.subarray(0, 5)) === "%PDF-";
}

/** The detected MIME type when it is one we accept; never looks at the name or the browser's type. */
async function detectAllowedType(bytes: Uint8Array): Promise<AllowedContentType | null> {
  // A file whose start reads as HTML is a polyglot, whatever else it also is.
  if (HTML_MARKUP.test(Buffer.from(bytes.subarray(0, 1024)).toString("latin1"))) return null;
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !isAllowedContentType(detected.mime)) return null;
  if (detected.mime === "application/pdf" && !startsLikePdf(bytes)) return null;
  return detected.mime;
}

/**
 * A data package's type from its bytes: what requesters may send, or a ZIP archive (local file
 * header at byte 0 and an end-of-central-directory record, i.e. a whole archive, not an Office
 * document or a JAR that file-type names otherwise), or UTF-8 text that is JSON (parses, starts
 * with { or [) or CSV (two or more columns, every record as wide as the first, by RFC 4180 with
 * , or ;).
 * Text starting with "<" is refused: that is what a browser's sniffer would take for HTML.
 */
async function detectDataPackageType(bytes: Uint8Array): Promise<UploadContentType | null> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected?.mime === "application/zip") return isWholeZip(bytes) ? "application/zip" : null;
  if (detected) return detectAllowedType(bytes);
  const text = utf8Text(bytes);
  if (text === null) return null;
  const start = text.trimStart();
  if (start === "" || start.startsWith("<")) return null;
  if (start.startsWith("{") || start.startsWith("[")) {
    try {
      JSON.parse(text);
      return "application/json";
    } catch {
      return null;
    }
  }
  return looksLikeCsv(text) ? "text/csv" : null;
}

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_END_OF_DIRECTORY = [0x50, 0x4b, 0x05, 0x06];

function isWholeZip(bytes: Uint8Array): boolean {
  if (!ZIP_LOCAL_HEADER.every((byte, i) => bytes[i] === byte)) return false;
  // The record is 22 bytes plus a comment of up to 65,535, at the very end.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (ZIP_END_OF_DIRECTORY.every((byte, i) => bytes[at + i] === byte)) return true;
  }
  return false;
}

/** The bytes as text when they are UTF-8 (a BOM allowed) without control characters but tab, CR and LF. */
function utf8Text(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
  return /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text) ? null : text;
}

/** RFC 4180 records: quoted fields may hold delimiters and line breaks; every record the same width. */
function looksLikeCsv(text: string): boolean {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const widths: number[] = [];
  let fields = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') i++;
      else if (char === '"') quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) fields++;
    else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      widths.push(fields);
      fields = 1;
    }
  }
  if (quoted) return false;
  if (!/(\r?\n)$/.test(text)) widths.push(fields);
  // At least two columns: a one-column "CSV" cannot be told from any text file.
  return widths.length > 0 && widths[0]! >= 2 && widths.every((width) => width === widths[0]);
}

/** Images must have a readable header within the pixel limit. */
function imageProblem(bytes: Uint8Array, contentType: UploadContentType): UploadProblemCode | null {
  if (contentType !== "image/jpeg" && contentType !== "image/png") return null;
  const dimensions = imageDimensions(bytes, contentType);
  if (!dimensions || dimensions.width === 0 || dimensions.height === 0) return "bad_type";
  return dimensions.width * dimensions.height > MAX_IMAGE_MEGAPIXELS * 1_000_000 ? "too_many_pixels" : null;
}

/**
 * Checks a submission's files against the limits and sorts them into accepted files or problems
 * (at most one per file). Files after the fifth are "too_many"; the rest are checked on their own,
 * so the form can say everything that is wrong at once.
 */
export async function validateUploads(files: readonly UploadInput[], kind: UploadKind = "attachment"): Promise<UploadValidation> {
  const accepted: AcceptedUpload[] = [];
  const problems: UploadProblem[] = [];
  for (const [index, { name, bytes }] of files.entries()) {
    const problem = (code: UploadProblemCode) => problems.push({ index, name: cleanFilename(name), code });
    if (index >= MAX_FILES_PER_SUBMISSION) problem("too_many");
    else if (bytes.byteLength === 0) problem("empty");
    else if (bytes.byteLength > MAX_FILE_BYTES) problem("too_large");
    else {
      const contentType = kind === "data_package" ? await detectDataPackageType(bytes) : await detectAllowedType(bytes);
      const pixels = contentType && imageProblem(bytes, contentType);
      if (!contentType) problem("bad_type");
      else if (pixels) problem(pixels);
      else accepted.push({ filename: safeDisplayFilename(name, contentType), contentType, sizeBytes: bytes.byteLength, bytes });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, files: accepted };
}

/** The part of a web File we use; a structural type so tests need not build 20 MB files. */
export type UploadBlob = Pick<File, "name" | "size" | "arrayBuffer">;

/** Buffers one uploaded file, or returns null without reading it when it is over the size limit. */
export async function fileToUpload(file: UploadBlob): Promise<UploadInput | null> {
  if (file.size > MAX_FILE_BYTES) return null;
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** A browser sends an empty, nameless part for a file input left empty: that is "no file", not an empty file. */
function isChosenFile(entry: FormDataEntryValue | UploadBlob): entry is UploadBlob {
  return typeof entry !== "string" && !(entry.name === "" && entry.size === 0);
}

/**
 * FormData entries (`formData.getAll("files")`) → validateUploads' answer, reading no file that is
 * over the size limit or past the count limit. Text entries are ignored.
 */
export async function readUploads(entries: readonly (FormDataEntryValue | UploadBlob)[], kind: UploadKind = "attachment"): Promise<UploadValidation> {
  const chosen = entries.filter(isChosenFile);
  const early: UploadProblem[] = [];
  const read: { index: number; input: UploadInput }[] = [];
  for (const [index, file] of chosen.entries()) {
    const input = index < MAX_FILES_PER_SUBMISSION ? await fileToUpload(file) : null;
    if (input) read.push({ index, input });
    else early.push({ index, name: cleanFilename(file.name), code: index < MAX_FILES_PER_SUBMISSION ? "too_large" : "too_many" });
  }
  const result = await validateUploads(
    read.map((r) => r.input),
    kind,
  );
  if (result.ok && early.length === 0) return result;
  // validateUploads numbered only the files it saw; map its problems back to submission positions.
  const later = result.ok ? [] : result.problems.map((p) => ({ ...p, index: read[p.index]!.index }));
  return { ok: false, problems: [...early, ...later].sort((a, b) => a.index - b.index) };
}
