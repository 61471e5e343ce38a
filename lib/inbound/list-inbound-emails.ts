import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { inboundEmails, requests, type InboundEmail, type InboundStatus } from "@/db/schema";
import { INBOUND_LIST_FILTERS, type InboundListFilter } from "./inbound-staff-schemas";

export const INBOUND_PAGE_SIZE = 50;

/**
 * What a person may have to sort out: mail no rule could match, mail that could not be processed,
 * and mail not processed yet (normally seconds; one stuck there shows up here instead of hiding).
 */
export const NEEDS_ATTENTION: readonly InboundStatus[] = ["unmatched", "failed", "received"];

/** The list's filter and page, from the page's URL (anything malformed falls back to the default). */
export const inboundListSchema = z.object({
  status: z.enum(INBOUND_LIST_FILTERS).catch("needs_attention").default("needs_attention"),
  cursor: z.string().max(200).optional().catch(undefined),
});

export type InboundListItem = Pick<
  InboundEmail,
  "id" | "receivedAt" | "status" | "kind" | "fromAddress" | "fromName" | "subject" | "error" | "requestId" | "attachmentCount" | "rawSize" | "attempts" | "unmatchedReason"
> & { reference: string | null };

export type InboundListPage = { filter: InboundListFilter; items: InboundListItem[]; nextCursor: string | null };

// The exact stored time (microseconds, UTC) goes into the cursor: a millisecond Date would skip rows.
const RECEIVED_AT_EXACT = sql<string>`to_char(${inboundEmails.receivedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function encodeCursor(receivedAt: string, id: string): string {
  return Buffer.from(JSON.stringify([receivedAt, id])).toString("base64url");
}

function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const [receivedAt, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    if (typeof receivedAt !== "string" || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(receivedAt)) return null;
    // The shape alone lets "2026-02-30T25:61:61" through, which the database refuses with an error:
    // the time must read back the same after a round trip through Date.
    const millis = Date.parse(receivedAt.slice(0, 23) + "Z");
    if (Number.isNaN(millis) || new Date(millis).toISOString().slice(0, 23) !== receivedAt.slice(0, 23)) return null;
    if (typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    return [receivedAt, id];
  } catch {
    return null;
  }
}

function statusCondition(filter: InboundListFilter): SQL | undefined {
  if (filter === "all") return undefined;
  if (filter === "needs_attention") return inArray(inboundEmails.status, [...NEEDS_ATTENTION]);
  return eq(inboundEmails.status, filter);
}

/**
 * The support mailbox as staff see it, newest first, one keyset page at a time. The raw bytes
 * are never read here (a page of large messages would be megabytes for a table of headers).
 */
export async function listInboundEmails(db: Db, input: { status?: unknown; cursor?: unknown }, pageSize = INBOUND_PAGE_SIZE): Promise<InboundListPage> {
  const { status: filter, cursor } = inboundListSchema.parse(input);
  const after = decodeCursor(cursor);
  const where = [
    statusCondition(filter),
    after ? sql`(${inboundEmails.receivedAt}, ${inboundEmails.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);

  const rows = await db
    .select({
      id: inboundEmails.id,
      receivedAt: inboundEmails.receivedAt,
      receivedAtExact: RECEIVED_AT_EXACT,
      status: inboundEmails.status,
      kind: inboundEmails.kind,
      fromAddress: inboundEmails.fromAddress,
      fromName: inboundEmails.fromName,
      subject: inboundEmails.subject,
      error: inboundEmails.error,
      requestId: inboundEmails.requestId,
      attachmentCount: inboundEmails.attachmentCount,
      rawSize: inboundEmails.rawSize,
      attempts: inboundEmails.attempts,
      unmatchedReason: inboundEmails.unmatchedReason,
      reference: requests.reference,
    })
    .from(inboundEmails)
    .leftJoin(requests, eq(requests.id, inboundEmails.requestId))
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(inboundEmails.receivedAt), desc(inboundEmails.id))
    .limit(pageSize + 1);

  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    filter,
    items: page.map((row) => {
      const item: Partial<typeof row> = { ...row };
      delete item.receivedAtExact;
      return item as InboundListItem;
    }),
    nextCursor: rows.length > pageSize && last ? encodeCursor(last.receivedAtExact, last.id) : null,
  };
}
