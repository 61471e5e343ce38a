/** Small real files for uploads, built in memory. */

export function pdfFile(name = "document.pdf") {
  const body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
  return { name, mimeType: "application/pdf", buffer: Buffer.from(body, "latin1") };
}

/** A Windows executable's first bytes under a .pdf name: must be refused by content. */
export function exeRenamedPdf(name = "invoice.pdf") {
  const buffer = Buffer.alloc(512);
  buffer.write("MZ", 0, "latin1");
  buffer.write("This program cannot be run in DOS mode.", 78, "latin1");
  return { name, mimeType: "application/pdf", buffer };
}

/** A PDF that is over the 10 MB limit. */
export function hugePdf(megabytes = 20, name = "scan.pdf") {
  const buffer = Buffer.alloc(megabytes * 1024 * 1024, 0x20);
  buffer.write("%PDF-1.4\n", 0, "latin1");
  return { name, mimeType: "application/pdf", buffer };
}
