import { describe, expect, it } from "vitest";
import { imageDimensions } from "./image-dimensions";
import { bomPrefixedPdf, pdfHtmlPolyglot, tinyJpeg, tinyPdf, tinyPng } from "./test-files";
import { MAX_IMAGE_MEGAPIXELS, validateUploads } from "./upload-rules";

async function codeFor(name: string, bytes: Uint8Array) {
  const result = await validateUploads([{ name, bytes }]);
  return result.ok ? "accepted" : result.problems[0]!.code;
}

describe("upload tricks", () => {
  it("refuses a PDF/HTML polyglot as not a PDF", async () => {
    expect(await codeFor("statement.pdf", pdfHtmlPolyglot())).toBe("bad_type");
  });

  it("refuses a 'PDF' that does not start with %PDF- at byte 0", async () => {
    expect(await codeFor("statement.pdf", bomPrefixedPdf())).toBe("bad_type");
    expect(await codeFor("statement.pdf", tinyPdf())).toBe("accepted");
  });

  it("refuses a 30000×30000 PNG or JPEG by its header, before anyone decodes it", async () => {
    expect(await codeFor("bomb.png", tinyPng(30_000, 30_000))).toBe("too_many_pixels");
    expect(await codeFor("bomb.jpg", tinyJpeg(30_000, 30_000))).toBe("too_many_pixels");
    expect(MAX_IMAGE_MEGAPIXELS * 1_000_000).toBeLessThan(30_000 * 30_000);
  });

  it("accepts a phone photo's size and reads both headers right", async () => {
    expect(imageDimensions(tinyPng(8000, 6000), "image/png")).toEqual({ width: 8000, height: 6000 });
    expect(imageDimensions(tinyJpeg(4032, 3024), "image/jpeg")).toEqual({ width: 4032, height: 3024 });
    expect(await codeFor("photo.jpg", tinyJpeg(4032, 3024))).toBe("accepted");
    expect(await codeFor("scan.png", tinyPng(8000, 6000))).toBe("accepted");
  });

  it("refuses an image whose header claims no pixels", async () => {
    expect(await codeFor("empty.png", tinyPng(0, 10))).toBe("bad_type");
  });
});
