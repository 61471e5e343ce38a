import { MAX_FILE_BYTES, MAX_FILES_PER_SUBMISSION } from "@/lib/files/upload-limits";

/**
 * Checks a POST to a page (a server action: JavaScript `fetch` with `Next-Action`, or a plain form
 * before JavaScript) before Next decodes it. Next answers 500 with a stack in the log when the
 * body is cut off at its size limit or is not valid multipart or JSON; a browser never sends such
 * a body, so these are refused here as the client's fault: 411, 413 or 400.
 */

/** Every file a form may carry, plus room for its fields. */
export const MAX_FORM_BODY_BYTES = MAX_FILES_PER_SUBMISSION * MAX_FILE_BYTES + 1024 * 1024;
/** Actions called with arguments, not a form, get them as JSON text; ours are small. */
export const MAX_ACTION_TEXT_BYTES = 1024 * 1024;

export type PostBodyProblem = { status: 400 | 411 | 413; problem: "length_required" | "too_large" | "malformed" };

type PostBody = { contentType: string | null; contentLength: string | null; read: () => Promise<ArrayBuffer> };

export async function checkPostBody({ contentType, contentLength, read }: PostBody): Promise<PostBodyProblem | null> {
  if (contentLength === null || !/^\d+$/.test(contentLength)) return { status: 411, problem: "length_required" };
  const length = Number(contentLength);
  const type = (contentType ?? "").toLowerCase();
  const isMultipart = type.startsWith("multipart/form-data");
  const limit = isMultipart || type.startsWith("application/x-www-form-urlencoded") ? MAX_FORM_BODY_BYTES : MAX_ACTION_TEXT_BYTES;
  if (length > limit) return { status: 413, problem: "too_large" };
  if (length === 0) return null;
  if (isMultipart) return (await isWellFormedMultipart(contentType ?? "", read)) ? null : { status: 400, problem: "malformed" };
  if (type.startsWith("text/plain")) return isJson(await read()) ? null : { status: 400, problem: "malformed" };
  return null;
}

/** Parsed as the runtime parses forms; a cut-off or garbled body fails here instead of in Next. */
async function isWellFormedMultipart(contentType: string, read: () => Promise<ArrayBuffer>): Promise<boolean> {
  // The boundary is case-sensitive: parse with the header exactly as sent.
  if (!/;\s*boundary=/i.test(contentType)) return false;
  try {
    await new Response(await read(), { headers: { "content-type": contentType } }).formData();
    return true;
  } catch {
    return false;
  }
}

function isJson(body: ArrayBuffer): boolean {
  try {
    JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
    return true;
  } catch {
    return false;
  }
}
