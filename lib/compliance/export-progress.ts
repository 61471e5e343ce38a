import type { ExportFormat } from "./export-filters";

const QUOTE = 0x22;
const LF = 0x0a;

/**
 * Counts the rows of an export as its bytes arrive, for the download's progress line. A JSON
 * Lines row ends at every LF (JSON escapes line breaks inside values); a CSV record ends at an LF
 * outside quotes (a doubled quote flips twice, so it changes nothing), and the header is no row.
 */
export function createRowCounter(format: ExportFormat): { add: (chunk: Uint8Array) => void; rows: () => number } {
  let lineEnds = 0;
  let inQuotes = false;
  return {
    add(chunk) {
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i];
        if (byte === LF && !inQuotes) lineEnds++;
        else if (byte === QUOTE && format === "csv") inQuotes = !inQuotes;
      }
    },
    rows: () => (format === "csv" ? Math.max(0, lineEnds - 1) : lineEnds),
  };
}

/** The file name the server gave in Content-Disposition (filename* first), or `fallback`. */
export function downloadFilename(contentDisposition: string | null, fallback: string): string {
  if (!contentDisposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(contentDisposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // a malformed escape: fall through to the plain name
    }
  }
  const plain = /filename="([^"]+)"/i.exec(contentDisposition);
  return plain ? plain[1]! : fallback;
}
