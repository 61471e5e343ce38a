import { crc32, deflateSync } from "node:zlib";

/**
 * Tiny but complete files, built byte by byte, for the upload and storage tests. The images decode
 * (checked with libvips) and the PDF's cross-reference offsets are computed, so the tests do not
 * lean on the detector only reading the first bytes.
 */

const ascii = (text: string) => Buffer.from(text, "latin1");
/** A plain Uint8Array, so tests compare bytes, not Buffer against Uint8Array. */
const plain = (bytes: Uint8Array) => Uint8Array.from(bytes);

function pngChunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([ascii(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A 1×1 red pixel, 8-bit RGB; other dimensions give a header that claims them over the same tiny data. */
export function tinyPng(width = 1, height = 1): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, deflate, no filter, no interlace
  const scanline = Uint8Array.of(0, 0xff, 0x00, 0x00); // filter byte, then R G B
  const signature = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
  const chunks = [pngChunk("IHDR", header), pngChunk("IDAT", deflateSync(scanline)), pngChunk("IEND", new Uint8Array(0))];
  return plain(Buffer.concat([signature, ...chunks]));
}

/** A 1×1 grey baseline JPEG: one DC and one AC Huffman code, each a single bit (other dimensions: the header claims them). */
export function tinyJpeg(width = 1, height = 1): Uint8Array {
  const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  const oneCodeTable = (tableClassAndId: number) => [tableClassAndId, 1, ...new Array<number>(15).fill(0), 0x00];
  return Uint8Array.from([
    0xff, 0xd8, // start of image
    ...segment(0xe0, [...ascii("JFIF\0"), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]), // quantisation table 0, all ones
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]), // baseline, one component
    ...segment(0xc4, oneCodeTable(0x00)), // DC table 0: code "0" = difference 0
    ...segment(0xc4, oneCodeTable(0x10)), // AC table 0: code "0" = end of block
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    0x3f, // bits 0 (DC) and 0 (EOB), padded with ones
    0xff, 0xd9, // end of image
  ]);
}

/** A one-page, empty PDF with a correct cross-reference table. */
export function tinyPdf(): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return plain(ascii(body));
}

/** The start of a Windows executable: the "MZ" DOS header. */
export function windowsExecutable(): Uint8Array {
  const bytes = new Uint8Array(128);
  bytes.set(ascii("MZ"));
  bytes.set(ascii("This program cannot be run in DOS mode."), 0x4e);
  return bytes;
}

export function plainText(): Uint8Array {
  return plain(Buffer.from("Здравствуйте! This is only text.\n", "utf8"));
}

/** A file that is a PDF to a PDF reader and an HTML page to a browser: markup right after the signature. */
export function pdfHtmlPolyglot(): Uint8Array {
  const pdf = Buffer.from(tinyPdf());
  return plain(Buffer.concat([ascii("%PDF-1.4\n%<html><body><script>alert(document.domain)</script></body></html>\n"), pdf.subarray("%PDF-1.4\n".length)]));
}

/** An HTML page with a PDF appended: the detector finds "%PDF" only after a byte-order mark. */
export function bomPrefixedPdf(): Uint8Array {
  return plain(Buffer.concat([Uint8Array.of(0xef, 0xbb, 0xbf), tinyPdf()]));
}

/** A whole ZIP archive (stored, one member "data.json"), as Python's zipfile writes it. */
export function tinyZip(): Uint8Array {
  return plain(
    Buffer.from(
      "UEsDBBQAAAAAABZDfl3+JPEKEgAAABIAAAAJAAAAZGF0YS5qc29ueyJuYW1lIjoiQWlnZXJpbSJ9UEsBAhQDFAAAAAAAFkN+Xf4k8QoSAAAAEgAAAAkAAAAAAAAAAAAAAIABAAAAAGRhdGEuanNvblBLBQYAAAAAAQABADcAAAA5AAAAAAA=",
      "base64",
    ),
  );
}
