import type { StoredFile } from "@/db/schema";

// type/subtype only: anything else from the database would be a header we did not mean to send.
const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

/** RFC 5987 value: percent-encode everything outside attr-char (encodeURIComponent leaves ' ( ) * as is). */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** For old clients that ignore filename*: printable ASCII only, without quotes or backslashes. */
function asciiFallback(filename: string): string {
  const dot = filename.lastIndexOf(".");
  const ext = dot > 0 ? filename.slice(dot).replace(/[^A-Za-z0-9.]/g, "") : "";
  const base = (dot > 0 ? filename.slice(0, dot) : filename).replace(/[^\x20-\x7E]+/g, "_").replace(/["\\]/g, "_").trim();
  // A name that was all Cyrillic would be nothing but underscores; "file.pdf" says more.
  return `${/[A-Za-z0-9]/.test(base) ? base : "file"}${ext}`;
}

/** A view Response accepts (backed by an ArrayBuffer), copying only when the bytes sit in shared memory. */
function responseBody(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
}

export function contentDisposition(filename: string): string {
  return `attachment; filename="${asciiFallback(filename)}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}

/**
 * A download of a stored file: always an attachment with the type detected at upload, never
 * sniffed or cached, and sandboxed in case a browser renders it anyway.
 */
export function fileDownloadResponse(file: Pick<StoredFile, "filename" | "contentType">, bytes: Uint8Array): Response {
  const mime = MIME_TYPE.test(file.contentType) ? file.contentType : "application/octet-stream";
  // CSV in a data package was checked to be UTF-8 (upload-rules.ts); say so, or Excel guesses.
  const contentType = mime === "text/csv" ? "text/csv; charset=utf-8" : mime;
  return new Response(responseBody(bytes), {
    status: 200,
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": contentDisposition(file.filename),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
