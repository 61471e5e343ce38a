import { describe, expect, it } from "vitest";
import { checkPostBody, MAX_ACTION_TEXT_BYTES, MAX_FORM_BODY_BYTES } from "./post-body-guard";

const encoder = new TextEncoder();

function body(text: string, contentType: string | null, contentLength: string | null = String(encoder.encode(text).byteLength)) {
  let reads = 0;
  const input = {
    contentType,
    contentLength,
    read: async () => {
      reads++;
      return encoder.encode(text).buffer as ArrayBuffer;
    },
  };
  return { input, reads: () => reads };
}

const BOUNDARY = "----WebKitFormBoundaryAbC123";
const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;
const WELL_FORMED = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="payload"\r\n\r\n{"a":1}\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\r\n--${BOUNDARY}--\r\n`;

describe("checkPostBody", () => {
  it("lets a well-formed multipart form and a JSON argument list through", async () => {
    expect(await checkPostBody(body(WELL_FORMED, MULTIPART).input)).toBeNull();
    expect(await checkPostBody(body('["kk",{"a":"ә"}]', "text/plain;charset=UTF-8").input)).toBeNull();
  });

  it("refuses a body without a length with 411, before reading it", async () => {
    const chunked = body(WELL_FORMED, MULTIPART, null);
    expect(await checkPostBody(chunked.input)).toEqual({ status: 411, problem: "length_required" });
    expect(chunked.reads()).toBe(0);
  });

  it("refuses a form larger than every allowed file together with 413, before reading it", async () => {
    const huge = body(WELL_FORMED, MULTIPART, String(MAX_FORM_BODY_BYTES + 1));
    expect(await checkPostBody(huge.input)).toEqual({ status: 413, problem: "too_large" });
    expect(huge.reads()).toBe(0);
    expect(await checkPostBody(body("", MULTIPART, String(MAX_FORM_BODY_BYTES)).input)).toEqual({ status: 400, problem: "malformed" });
  });

  it("refuses a 10 MB string sent to an action as its arguments with 413", async () => {
    expect(await checkPostBody(body("", "text/plain;charset=UTF-8", String(10 * 1024 * 1024)).input)).toEqual({ status: 413, problem: "too_large" });
    expect(MAX_ACTION_TEXT_BYTES).toBeLessThan(10 * 1024 * 1024);
  });

  it("refuses a multipart body cut off before its closing boundary, or without a boundary, with 400", async () => {
    const cutOff = WELL_FORMED.slice(0, WELL_FORMED.indexOf(`--${BOUNDARY}--`));
    expect(await checkPostBody(body(cutOff, MULTIPART).input)).toEqual({ status: 400, problem: "malformed" });
    expect(await checkPostBody(body(WELL_FORMED, "multipart/form-data").input)).toEqual({ status: 400, problem: "malformed" });
  });

  it("keeps the boundary's case: a form whose boundary has capitals is not refused", async () => {
    expect(BOUNDARY).not.toBe(BOUNDARY.toLowerCase());
    expect(await checkPostBody(body(WELL_FORMED, `Multipart/Form-Data; boundary=${BOUNDARY}`).input)).toBeNull();
  });

  it("refuses arguments that are not JSON, or not UTF-8, with 400", async () => {
    expect(await checkPostBody(body('[{"a":', "text/plain;charset=UTF-8").input)).toEqual({ status: 400, problem: "malformed" });
    const latin1 = { contentType: "text/plain", contentLength: "3", read: async () => new Uint8Array([0x22, 0xe9, 0x22]).buffer };
    expect(await checkPostBody(latin1)).toEqual({ status: 400, problem: "malformed" });
  });
});
