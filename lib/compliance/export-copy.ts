import type { Readable } from "node:stream";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import type { Db } from "@/db/client";
import { csvEncoder, type ExportColumn } from "./export-encoders";
import type { ExportColumnSql } from "./export-sql";
import type { ExportStreamEnd } from "./export-stream";

/**
 * CSV straight from PostgreSQL: `COPY (the export's SELECT) TO STDOUT (FORMAT csv)` through
 * postgres.js, its bytes passed on with only the record ends changed. No row becomes a JavaScript
 * object, and the first bytes leave as soon as the first rows are read (the SELECT walks an index
 * in the export's order). PGlite has no COPY to a client: it keeps the cursor (export-cursor.ts).
 *
 * The file is byte for byte the one csvEncoder writes: the SELECT gives each column's finished
 * cell (csvCellSql), COPY quotes exactly the cells csvCell quotes (those holding a quote, comma,
 * CR or LF), and the stream adds the BOM and header in front and turns each record's LF into CRLF.
 */

/** The postgres.js client behind a drizzle handle, or null on PGlite. */
export function postgresClientOf(db: Db): postgres.Sql | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  return client && typeof (client as postgres.Sql).unsafe === "function" && typeof (client as postgres.Sql).begin === "function" ? (client as postgres.Sql) : null;
}

/**
 * The column's CSV cell as SQL, as csvValue (export-encoders.ts) writes it, quoting aside:
 * booleans as yes/no, numbers and codes as they are, text and JSON with a leading ' when a
 * spreadsheet would run it as a formula. Empty text becomes NULL, which COPY writes as nothing
 * (not ""), as csvCell does. This runs for every cell of the file, so it stays cheap: the first
 * character is tested as a number (ascii), and codes (ISO times among them) are not tested at all.
 */
export function csvCellSql(column: ExportColumnSql): SQL {
  const value = column.value;
  switch (column.kind) {
    case "boolean":
      return sql`(case ${value} when 'true' then 'yes' when 'false' then 'no' end)`;
    case "number":
      return value;
    case "code":
      return sql`nullif(${value}, '')`;
    default:
      // The characters of csv.ts's FORMULA_START: tab 9, CR 13, + 43, - 45, = 61, @ 64.
      return sql`nullif(case when ascii(${value}) in (9, 13, 43, 45, 61, 64) then '''' || ${value} else ${value} end, '')`;
  }
}

/**
 * COPY takes no bind parameters, so the SELECT's values (dates and codes from validated filters)
 * are written into it as quoted literals by drizzle (quotes doubled; standard_conforming_strings).
 */
export function copyCsvStatement(query: SQLWrapper): string {
  const { sql: text, params } = new PgDialect().sqlToQuery(query.getSQL().inlineParams());
  if (params.length > 0) throw new Error("COPY statement still has bind parameters");
  return `copy (${text}) to stdout with (format csv)`;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * COPY ends records with LF; the export's CSV ends them with CRLF (RFC 4180). An LF inside a
 * quoted cell is the value's own and stays. A quote toggles "inside" (a doubled quote toggles
 * twice), and the state carries over from one chunk to the next. Also counts the records.
 */
export class CrlfRecordEnds {
  private inQuotes = false;
  records = 0;

  transform(chunk: Uint8Array): Uint8Array {
    const ends: number[] = [];
    let quote = chunk.indexOf(QUOTE);
    let lf = chunk.indexOf(LF);
    while (lf !== -1) {
      if (quote !== -1 && quote < lf) {
        this.inQuotes = !this.inQuotes;
        quote = chunk.indexOf(QUOTE, quote + 1);
        continue;
      }
      if (!this.inQuotes) ends.push(lf);
      lf = chunk.indexOf(LF, lf + 1);
    }
    // Quotes after the last LF still change the state for the next chunk.
    while (quote !== -1) {
      this.inQuotes = !this.inQuotes;
      quote = chunk.indexOf(QUOTE, quote + 1);
    }
    this.records += ends.length;
    if (ends.length === 0) return chunk;
    const out = new Uint8Array(chunk.byteLength + ends.length);
    let from = 0;
    let at = 0;
    for (const end of ends) {
      out.set(chunk.subarray(from, end), at);
      at += end - from;
      out[at++] = CR;
      from = end;
    }
    out.set(chunk.subarray(from), at);
    return out;
  }
}

/** The next bytes the stream has (all it has buffered), or null at its end. */
function readChunk(readable: Readable): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const settle = (result: Buffer | null | Error) => {
      readable.off("readable", tryRead);
      readable.off("end", atEnd);
      readable.off("error", settle);
      readable.off("close", closed);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const tryRead = () => {
      const chunk = readable.read() as Buffer | null;
      if (chunk !== null) settle(chunk);
      else if (readable.readableEnded) settle(null);
    };
    const atEnd = () => settle(null);
    const closed = () => settle(readable.readableEnded ? null : (readable.errored ?? new Error("the COPY stream closed before its end")));
    if (readable.destroyed) return closed();
    readable.on("readable", tryRead);
    readable.on("end", atEnd);
    readable.on("error", settle);
    readable.on("close", closed);
    tryRead();
  });
}

/** COPY gives no sign when it fails halfway (postgres.js has already handed over the stream): a reader waiting this long gives up. */
export const COPY_STALL_TIMEOUT_MS = 60_000;

class CopyStalledError extends Error {
  constructor(ms: number) {
    super(`COPY sent nothing for ${ms} ms; the export was abandoned`);
    this.name = "CopyStalledError";
  }
}

/**
 * The CSV file of `query` (its select list built with csvCellSql) as a byte stream, pulled: the
 * next bytes are read from the socket only when the reader wants them (postgres.js pauses the
 * socket meanwhile), so memory holds a few chunks whatever the size. The first chunk is awaited
 * before the stream is handed back, so a query that cannot run fails here, not as a cut download.
 * Cancelling cancels the COPY on the server and drains what is in flight, then frees the connection.
 */
export async function openCopyCsvStream(
  client: postgres.Sql,
  query: SQLWrapper,
  columns: readonly ExportColumn[],
  onEnd?: (end: ExportStreamEnd) => void,
  { stallTimeoutMs = COPY_STALL_TIMEOUT_MS }: { stallTimeoutMs?: number } = {},
): Promise<ReadableStream<Uint8Array>> {
  // A connection of its own: postgres.js would otherwise pipeline other queries onto the one in COPY, and they would fail.
  const connection = await client.reserve();
  let readable: Readable;
  let backendPid: number;
  try {
    // postgres.js cannot cancel a reserved connection's query itself; pg_cancel_backend from another can.
    [{ pid: backendPid }] = (await connection`select pg_backend_pid() as pid`) as unknown as [{ pid: number }];
    // A long export streams for as long as the reader takes: no statement time-out for this COPY
    // (DATABASE_STATEMENT_TIMEOUT_SECONDS); reset before the connection goes back to the pool.
    await connection`set statement_timeout = 0`;
    readable = (await connection.unsafe(copyCsvStatement(query)).readable()) as Readable;
  } catch (error) {
    await connection`reset statement_timeout`.catch(() => {});
    connection.release();
    throw error;
  }
  // Back to the pool once COPY is done, failed or cancelled (postgres.js destroys the stream on an
  // error), and not before a cancel sent meanwhile has landed: it must not hit the next query.
  let cancelling: Promise<unknown> = Promise.resolve();
  readable.once("close", () =>
    void cancelling
      .then(() => connection`reset statement_timeout`)
      .catch(() => {})
      .finally(() => connection.release()),
  );
  // An error while nobody is reading must not be an uncaught 'error' event; readChunk reports it.
  readable.on("error", () => {});
  const next = async (): Promise<Buffer | null> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CopyStalledError(stallTimeoutMs)), stallTimeoutMs);
    });
    try {
      return await Promise.race([readChunk(readable), stalled]);
    } finally {
      clearTimeout(timer);
    }
  };
  const records = new CrlfRecordEnds();
  let bytes = 0;
  let pending: Buffer | null | undefined = await next();
  let abandoned = false;
  const abandon = () => {
    if (abandoned) return;
    abandoned = true;
    if (!readable.destroyed) cancelling = client`select pg_cancel_backend(${backendPid})`.catch(() => {});
    // What the server sent before the cancel arrived is read and dropped until the stream closes.
    // Flowing mode, not read(): a push refused in paused mode pauses postgres.js's socket, and a
    // socket paused when the stream goes away would never read the connection's next answer.
    readable.removeAllListeners("readable");
    readable.on("data", () => {});
    readable.resume();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const head = new TextEncoder().encode(csvEncoder(columns).head);
        bytes += head.byteLength;
        controller.enqueue(head);
      },
      async pull(controller) {
        try {
          const chunk = pending === undefined ? await next() : pending;
          pending = undefined;
          if (chunk === null) {
            controller.close();
            onEnd?.({ rows: records.records, bytes, outcome: "complete" });
            return;
          }
          const out = records.transform(chunk);
          bytes += out.byteLength;
          controller.enqueue(out);
        } catch (error) {
          abandon();
          controller.error(error);
          onEnd?.({ rows: records.records, bytes, outcome: "failed", error });
        }
      },
      cancel() {
        abandon();
        onEnd?.({ rows: records.records, bytes, outcome: "cancelled" });
      },
    },
    { highWaterMark: 1 },
  );
}
