import type { ExportEncoder, ExportRow } from "./export-encoders";

export type ExportStreamEnd = { rows: number; bytes: number; outcome: "complete" | "cancelled" | "failed"; error?: unknown };

type Batches = AsyncGenerator<ExportRow[], void, undefined>;

/**
 * The export file as bytes, pulled: each pull encodes the next batch, and the next batch is
 * fetched only when the reader (the HTTP response) wants more, so a slow download slows the
 * cursor instead of piling up rows in memory. Cancelling (the browser gave up) closes the cursor.
 *
 * The first batch is fetched before the stream is handed back, so a query that cannot run
 * fails here (an error page) rather than as a download cut short.
 */
export async function openExportStream(batches: Batches, encoder: ExportEncoder, onEnd?: (end: ExportStreamEnd) => void): Promise<ReadableStream<Uint8Array>> {
  let pending: IteratorResult<ExportRow[], void> | null = await batches.next();
  const utf8 = new TextEncoder();
  let rows = 0;
  let bytes = 0;
  const send = (controller: ReadableStreamDefaultController<Uint8Array>, text: string) => {
    const chunk = utf8.encode(text);
    bytes += chunk.byteLength;
    controller.enqueue(chunk);
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (encoder.head) send(controller, encoder.head);
      },
      async pull(controller) {
        try {
          const next = pending ?? (await batches.next());
          pending = null;
          if (next.done) {
            controller.close();
            onEnd?.({ rows, bytes, outcome: "complete" });
            return;
          }
          rows += next.value.length;
          send(controller, encoder.encode(next.value));
        } catch (error) {
          controller.error(error);
          onEnd?.({ rows, bytes, outcome: "failed", error });
        }
      },
      async cancel() {
        await batches.return(undefined);
        onEnd?.({ rows, bytes, outcome: "cancelled" });
      },
    },
    // One chunk (one batch) read ahead at most.
    { highWaterMark: 1 },
  );
}
