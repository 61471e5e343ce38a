import { describe, expect, it } from "vitest";
import { contentDisposition, fileDownloadResponse } from "./download-response";
import { tinyPdf, tinyZip } from "./test-files";

describe("fileDownloadResponse", () => {
  it("sends the bytes as an attachment of the detected type, never sniffed or cached", async () => {
    const response = fileDownloadResponse({ filename: "Паспорт Иванова.pdf", contentType: "application/pdf" }, tinyPdf());
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(tinyPdf().byteLength),
      "content-disposition":
        "attachment; filename=\"file.pdf\"; filename*=UTF-8''%D0%9F%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82%20%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%D0%B0.pdf",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(tinyPdf());
  });

  it("gives old clients an ASCII name and encodes what RFC 5987 does not allow", () => {
    expect(contentDisposition("scan (1).jpg")).toBe("attachment; filename=\"scan (1).jpg\"; filename*=UTF-8''scan%20%281%29.jpg");
    expect(contentDisposition("Заявка-2026 it's.png")).toBe(
      "attachment; filename=\"_-2026 it's.png\"; filename*=UTF-8''%D0%97%D0%B0%D1%8F%D0%B2%D0%BA%D0%B0-2026%20it%27s.png",
    );
    expect(contentDisposition('a"b\\c.pdf')).toBe("attachment; filename=\"a_b_c.pdf\"; filename*=UTF-8''a%22b%5Cc.pdf");
  });

  it("falls back to application/octet-stream for a stored type that is not a plain MIME type", () => {
    const response = fileDownloadResponse({ filename: "x.pdf", contentType: "text/html\r\nSet-Cookie: a=b" }, tinyPdf());
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
  });

  it.each([
    { filename: "мои-данные.json", contentType: "application/json", type: "application/json" },
    { filename: "данные.csv", contentType: "text/csv", type: "text/csv; charset=utf-8" },
    { filename: "пакет.zip", contentType: "application/zip", type: "application/zip" },
  ])("delivers a $contentType data package with its type, as a sandboxed attachment", async ({ filename, contentType, type }) => {
    const bytes = contentType === "application/zip" ? tinyZip() : new Uint8Array(Buffer.from(contentType === "text/csv" ? "a,b\n1,2\n" : '{"a":1}'));
    const response = fileDownloadResponse({ filename, contentType }, bytes);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": type,
      "content-length": String(bytes.byteLength),
      "content-disposition": contentDisposition(filename),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    });
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; /);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });
});
