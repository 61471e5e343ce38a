import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/lib/audit/record-audit-event";

export const EXPORT_BATCH_ROWS = 1000;
/** A reader that stops asking for rows for this long loses the export: the cursor holds a connection (on PGlite, the only one). */
export const EXPORT_IDLE_TIMEOUT_MS = 60_000;

export class ExportIdleError extends Error {
  constructor(ms: number) {
    super(`the export's reader asked for no rows for ${ms} ms; the cursor was closed`);
    this.name = "ExportIdleError";
  }
}

/** A one-way hand-over between the transaction and the reader: put never waits, take waits for the next value. */
class Mailbox<T> {
  private values: T[] = [];
  private takers: ((value: T) => void)[] = [];
  put(value: T): void {
    const taker = this.takers.shift();
    if (taker) taker(value);
    else this.values.push(value);
  }
  take(timeoutMs?: number, onTimeout?: () => Error): Promise<T> {
    if (this.values.length > 0) return Promise.resolve(this.values.shift()!);
    return new Promise<T>((resolve, reject) => {
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => {
        this.takers = this.takers.filter((taker) => taker !== deliver);
        reject(onTimeout!());
      }, timeoutMs);
      const deliver = (value: T) => {
        clearTimeout(timer);
        resolve(value);
      };
      this.takers.push(deliver);
    });
  }
}

type Reply<T> = { rows: T[] } | { error: unknown };

/**
 * The rows of `query`, a batch at a time, from a server-side cursor (DECLARE … CURSOR, FETCH n)
 * in one read-only transaction: memory holds one batch whatever the size of the result, and the
 * next FETCH runs only when the reader asks for the next batch, so a slow download slows the
 * query instead of filling memory. Stopping early (return/break) ends the transaction.
 */
export async function* streamCursor<T extends Record<string, unknown>>(
  db: Db,
  query: SQLWrapper,
  { batchRows = EXPORT_BATCH_ROWS, idleTimeoutMs = EXPORT_IDLE_TIMEOUT_MS }: { batchRows?: number; idleTimeoutMs?: number } = {},
): AsyncGenerator<T[], void, undefined> {
  const asks = new Mailbox<"next" | "stop">();
  const replies = new Mailbox<Reply<T>>();
  const fetchNext: SQL = sql.raw(`fetch ${Math.floor(batchRows)} from export_cursor`);

  const transaction = db
    .transaction(
      async (tx) => {
        await tx.execute(sql`declare export_cursor no scroll cursor for ${query}`);
        for (;;) {
          if ((await asks.take(idleTimeoutMs, () => new ExportIdleError(idleTimeoutMs))) === "stop") return;
          const rows = rowsOf<T>(await tx.execute(fetchNext));
          replies.put({ rows });
          if (rows.length < batchRows) return;
        }
      },
      { accessMode: "read only", isolationLevel: "repeatable read" },
    )
    .catch((error: unknown) => replies.put({ error }));

  try {
    for (;;) {
      asks.put("next");
      const reply = await replies.take();
      if ("error" in reply) throw reply.error;
      if (reply.rows.length > 0) yield reply.rows;
      if (reply.rows.length < batchRows) return;
    }
  } finally {
    asks.put("stop");
    // The connection goes back to the pool (or PGlite to other callers) before we are done.
    await transaction;
  }
}
