import { verifiedRequestRow } from "@/lib/requests/testing";
import type { Db } from "@/db/client";
import { requests, staff, type NewRequest } from "@/db/schema";

/**
 * Test support for the exports: values that break naive CSV writers and readers, or that a
 * spreadsheet would run as formulas, and requests that carry them in every free-text column of
 * the request log.
 */
export const TRICKY_VALUES = [
  "Иван Петров, «Ромашка»",
  "Әсем Ғалымжанқызы: ә ғ қ ң ө ұ ү һ і — Ә Ғ Қ Ң Ө Ұ Ү Һ І",
  'He said "no", then ""yes""',
  "line one\nline two\r\nline three\r",
  "a,b,,c,",
  "=cmd|' /C calc'!A0",
  "+1+1",
  "-2+3",
  "@SUM(A1:A2)",
  "\tstarts with a tab",
  "\rstarts with a carriage return",
  "  spaces kept  ",
  "'already quoted",
] as const;

export const EXPORT_TEST_NOW = new Date("2026-06-15T06:00:00Z");

export function requestRow(i: number, overrides: Partial<NewRequest> = {}): NewRequest {
  const received = new Date(Date.UTC(2026, 2, 1, 6) + i * 60_000);
  return verifiedRequestRow(i, received, { originalDueAt: new Date(received.getTime() + 30 * 86_400_000), ...overrides });
}

/** One completed, extended request per tricky value, assigned to a colleague named with it; returns their references in order. */
export async function seedTrickyRequests(db: Db): Promise<string[]> {
  const references: string[] = [];
  for (const [i, value] of TRICKY_VALUES.entries()) {
    const [colleague] = await db.insert(staff).values({ email: `tricky${i}@example.kz`, name: value, role: "agent" }).returning();
    const row = requestRow(i + 1, {
      status: "completed",
      channel: value,
      extendedAt: new Date(Date.UTC(2026, 2, 20)),
      extensionReason: value,
      outcomeNote: value,
      closedAt: new Date(Date.UTC(2026, 2, 25)),
      assigneeId: colleague!.id,
    });
    await db.insert(requests).values(row);
    references.push(row.reference!);
  }
  return references;
}

/** Every byte of a stream (the test reads what a browser would receive). */
export async function readAllBytes(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(body).arrayBuffer());
}

/** UTF-8 text with any BOM kept (TextDecoder drops it by default). */
export const decodeKeepingBom = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
