import { describe, expect, it, vi } from "vitest";
import { plainText, tinyJpeg, tinyPdf, tinyPng, tinyZip, windowsExecutable } from "./test-files";
import {
  MAX_FILE_BYTES,
  MAX_FILES_PER_SUBMISSION,
  readUploads,
  validateUploads,
  type UploadBlob,
  type UploadInput,
  type UploadValidation,
} from "./upload-rules";

function accepted(result: UploadValidation) {
  if (!result.ok) throw new Error(`expected the files to be accepted, got ${JSON.stringify(result.problems)}`);
  return result.files;
}

function problems(result: UploadValidation) {
  if (result.ok) throw new Error("expected problems, the files were accepted");
  return result.problems;
}

async function acceptOne(name: string, bytes: Uint8Array) {
  const [file] = accepted(await validateUploads([{ name, bytes }]));
  return file!;
}

/** A PDF header followed by zeros: the right type, so only the size can be wrong. */
function pdfOfSize(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(tinyPdf().subarray(0, 16));
  return bytes;
}

describe("validateUploads", () => {
  it("limits are 10 MB and 5 files", () => {
    expect(MAX_FILE_BYTES).toBe(10 * 1024 * 1024);
    expect(MAX_FILES_PER_SUBMISSION).toBe(5);
  });

  it("accepts a real PDF, PNG and JPEG and reports the type found in the bytes", async () => {
    const files = accepted(
      await validateUploads([
        { name: "passport.pdf", bytes: tinyPdf() },
        { name: "photo.png", bytes: tinyPng() },
        { name: "scan.jpeg", bytes: tinyJpeg() },
      ]),
    );
    expect(files.map((f) => [f.filename, f.contentType])).toEqual([
      ["passport.pdf", "application/pdf"],
      ["photo.png", "image/png"],
      ["scan.jpeg", "image/jpeg"],
    ]);
    expect(files[1]!.sizeBytes).toBe(tinyPng().byteLength);
    expect(files[1]!.bytes).toEqual(tinyPng());
  });

  it("ignores the name: a real PNG called .pdf is accepted as a PNG and renamed .png", async () => {
    const file = await acceptOne("document.pdf", tinyPng());
    expect(file).toMatchObject({ contentType: "image/png", filename: "document.png" });
    expect((await acceptOne("photo", tinyJpeg())).filename).toBe("photo.jpg");
    expect((await acceptOne("Scan.JPEG", tinyJpeg())).filename).toBe("Scan.jpeg");
  });

  it("refuses a Windows program renamed .pdf", async () => {
    expect(problems(await validateUploads([{ name: "invoice.pdf", bytes: windowsExecutable() }]))).toEqual([
      { index: 0, name: "invoice.pdf", code: "bad_type" },
    ]);
  });

  it("refuses a text file renamed .png", async () => {
    expect(problems(await validateUploads([{ name: "notes.png", bytes: plainText() }]))).toEqual([
      { index: 0, name: "notes.png", code: "bad_type" },
    ]);
  });

  it("refuses a 20 MB file by size, whatever its type", async () => {
    const big = pdfOfSize(20 * 1024 * 1024);
    expect(problems(await validateUploads([{ name: "big.pdf", bytes: big }]))).toEqual([
      { index: 0, name: "big.pdf", code: "too_large" },
    ]);
  });

  it("accepts exactly 10 MB and refuses one byte more", async () => {
    expect(accepted(await validateUploads([{ name: "a.pdf", bytes: pdfOfSize(MAX_FILE_BYTES) }]))).toHaveLength(1);
    expect(problems(await validateUploads([{ name: "b.pdf", bytes: pdfOfSize(MAX_FILE_BYTES + 1) }]))[0]!.code).toBe("too_large");
  });

  it("refuses an empty file", async () => {
    expect(problems(await validateUploads([{ name: "empty.pdf", bytes: new Uint8Array(0) }]))).toEqual([
      { index: 0, name: "empty.pdf", code: "empty" },
    ]);
  });

  it("refuses the files past the fifth as too_many and still checks the first five", async () => {
    const files: UploadInput[] = Array.from({ length: 6 }, (_, i) => ({ name: `page-${i + 1}.png`, bytes: tinyPng() }));
    files[1] = { name: "virus.pdf", bytes: windowsExecutable() };
    expect(problems(await validateUploads(files))).toEqual([
      { index: 1, name: "virus.pdf", code: "bad_type" },
      { index: 5, name: "page-6.png", code: "too_many" },
    ]);
  });

  it("accepts no files at all (attachments are optional here; the form decides if one is required)", async () => {
    expect(await validateUploads([])).toEqual({ ok: true, files: [] });
  });
});

describe("display filenames", () => {
  async function displayName(name: string, bytes = tinyPdf()) {
    return (await acceptOne(name, bytes)).filename;
  }

  it("keep only the last path segment", async () => {
    expect(await displayName("../../etc/passwd")).toBe("passwd.pdf");
    expect(await displayName("..\\..\\Windows\\system32\\config.pdf")).toBe("config.pdf");
    expect(await displayName("C:\\Users\\Иван\\Паспорт.jpg", tinyJpeg())).toBe("Паспорт.jpg");
    expect(await displayName("../")).toBe("file.pdf");
    expect(await displayName("")).toBe("file.pdf");
  });

  it("keep Cyrillic and Kazakh letters, in NFC", async () => {
    expect(await displayName("Заявление на удаление данных.pdf")).toBe("Заявление на удаление данных.pdf");
    expect(await displayName("Өтініш құжаты.pdf")).toBe("Өтініш құжаты.pdf");
    // macOS sends "й" as и + combining breve.
    expect(await displayName("Копия паспорта Андреи\u0306.pdf")).toBe("Копия паспорта Андрей.pdf");
  });

  it("drop control and bidi characters, and characters Windows forbids", async () => {
    expect(await displayName("re\u0000port\r\n\t.pdf")).toBe("report.pdf");
    // U+202E would display "invoice‮fdp.exe" as "invoiceexe.pdf".
    expect(await displayName("invoice\u202Efdp.exe")).toBe("invoicefdp.pdf");
    expect(await displayName('what?<is>:"this"|*.pdf')).toBe("what__is___this___.pdf");
    expect(await displayName("...hidden.pdf ")).toBe("hidden.pdf");
  });

  it("make the extension match the content", async () => {
    expect(await displayName("setup.exe")).toBe("setup.pdf");
    expect(await displayName("photo.png", tinyJpeg())).toBe("photo.jpg");
    expect(await displayName("Отчёт за 2024.docx")).toBe("Отчёт за 2024.pdf");
    expect(await displayName("report v1.2")).toBe("report v1.2.pdf");
  });

  it("are at most 100 characters and never cut a letter in half", async () => {
    const long = await displayName(`${"Ж".repeat(300)}.pdf`);
    expect(long).toBe(`${"Ж".repeat(96)}.pdf`);
    const emoji = await displayName(`${"👍🏽".repeat(120)}.png`, tinyPng());
    expect(Array.from(new Intl.Segmenter().segment(emoji))).toHaveLength(100);
    expect(emoji.endsWith("👍🏽.png")).toBe(true);
  });

  it("are cleaned in problems too", async () => {
    expect(problems(await validateUploads([{ name: "../x/\u0007bad.png", bytes: plainText() }]))[0]!.name).toBe("bad.png");
  });
});

describe("readUploads (FormData files)", () => {
  const file = (bytes: Uint8Array, name: string, type = "application/octet-stream") => new File([Buffer.from(bytes)], name, { type });

  it("validates File objects by their bytes, not their declared type", async () => {
    const result = await readUploads([file(windowsExecutable(), "cv.pdf", "application/pdf"), file(tinyPng(), "me.png", "image/png")]);
    expect(problems(result)).toEqual([{ index: 0, name: "cv.pdf", code: "bad_type" }]);
    expect(accepted(await readUploads([file(tinyPdf(), "cv.pdf", "image/png")]))[0]!.contentType).toBe("application/pdf");
  });

  it("ignores the empty part a browser sends for an untouched file input, and text fields", async () => {
    expect(await readUploads([new File([], ""), "not a file"])).toEqual({ ok: true, files: [] });
    expect(problems(await readUploads([new File([], "chosen-but-empty.pdf")]))[0]!.code).toBe("empty");
  });

  it("never reads a file over the limit or past the fifth", async () => {
    const unread = (name: string, size: number): UploadBlob & { arrayBuffer: ReturnType<typeof vi.fn> } => ({
      name,
      size,
      arrayBuffer: vi.fn(() => Promise.reject(new Error("must not be read"))),
    });
    const huge = unread("huge.pdf", 20 * 1024 * 1024);
    const sixth = unread("sixth.png", 10);
    const five = Array.from({ length: 4 }, (_, i) => file(tinyPng(), `p${i}.png`));
    const result = await readUploads([five[0]!, huge, five[1]!, file(plainText(), "t.png"), five[2]!, sixth]);
    expect(problems(result)).toEqual([
      { index: 1, name: "huge.pdf", code: "too_large" },
      { index: 3, name: "t.png", code: "bad_type" },
      { index: 5, name: "sixth.png", code: "too_many" },
    ]);
    expect(huge.arrayBuffer).not.toHaveBeenCalled();
    expect(sixth.arrayBuffer).not.toHaveBeenCalled();
  });
});

describe("validateUploads for a data package (staff completing an access request)", () => {
  const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
  const asPackage = async (name: string, bytes: Uint8Array) => validateUploads([{ name, bytes }], "data_package");
  const typeOf = async (name: string, bytes: Uint8Array) => {
    const result = await asPackage(name, bytes);
    return result.ok ? `${result.files[0]!.contentType} ${result.files[0]!.filename}` : result.problems[0]!.code;
  };

  it("accepts JSON, CSV and ZIP by their content, and names them by it", async () => {
    expect(await typeOf("мои-данные.json", utf8('{"name": "Айгерім", "devices": [1, 2]}'))).toBe("application/json мои-данные.json");
    expect(await typeOf("export.txt", utf8("[]\n"))).toBe("application/json export.json");
    expect(await typeOf("data.csv", utf8('\uFEFFfield,value\r\nname,"Серікқызы, Айгерім"\r\nnote,"two\nlines ""quoted"""\r\n'))).toBe("text/csv data.csv");
    expect(await typeOf("excel.csv", utf8("поле;значение\nтелефон;+7 701\n"))).toBe("text/csv excel.csv");
    expect(await typeOf("package.zip", tinyZip())).toBe("application/zip package.zip");
    expect(await typeOf("package", tinyZip())).toBe("application/zip package.zip");
    // What requesters may send is still fine in a package.
    expect(await typeOf("report.pdf", tinyPdf())).toBe("application/pdf report.pdf");
  });

  it("refuses what only claims to be one: broken JSON, ragged or one-column CSV, a cut-off ZIP, markup, binaries", async () => {
    expect(await typeOf("bad.json", utf8('{"name": '))).toBe("bad_type");
    expect(await typeOf("ragged.csv", utf8("a,b,c\n1,2\n"))).toBe("bad_type");
    expect(await typeOf("open-quote.csv", utf8('a,b\n"1,2\n'))).toBe("bad_type");
    expect(await typeOf("notes.csv", plainText())).toBe("bad_type");
    expect(await typeOf("cut.zip", tinyZip().subarray(0, 60))).toBe("bad_type");
    expect(await typeOf("page.csv", utf8("<html><body>a,b</body></html>\n"))).toBe("bad_type");
    expect(await typeOf("page.json", utf8('  <script>alert(1)</script>{"a":1}'))).toBe("bad_type");
    expect(await typeOf("latin1.csv", Uint8Array.of(0x61, 0x2c, 0xe9, 0x0a))).toBe("bad_type");
    expect(await typeOf("nul.csv", utf8("a,b\n1,\u0000\n"))).toBe("bad_type");
    expect(await typeOf("setup.zip", windowsExecutable())).toBe("bad_type");
  });

  it("keeps the size limit and leaves requesters' attachments as they were (no JSON, CSV or ZIP)", async () => {
    expect(await typeOf("big.json", new Uint8Array(MAX_FILE_BYTES + 1))).toBe("too_large");
    for (const bytes of [utf8('{"a": 1}'), utf8("a,b\n1,2\n"), tinyZip()]) {
      expect(problems(await validateUploads([{ name: "x", bytes }]))[0]?.code).toBe("bad_type");
    }
  });
});
