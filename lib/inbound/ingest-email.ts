import { and, asc, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inboundEmails, type InboundStatus } from "@/db/schema";
import { processInboundEmail } from "./process-inbound-email";

export type IngestInput = {
  raw: Uint8Array;
  /** Unique per delivery ("imap:INBOX:<uidvalidity>:<uid>", "webhook:<sha256>"): the same key twice is stored once. */
  sourceKey: string;
};

export type IngestResult = { id: string; status: InboundStatus; duplicate: boolean };

/**
 * The one entry point for inbound mail, whatever the adapter. The raw message is stored first,
 * in its own transaction, so nothing received is lost whatever happens next; then it is parsed
 * and applied (processInboundEmail keeps any error on the row). Throws only when storing fails.
 */
export async function ingestEmail(db: Db, input: IngestInput, now = new Date()): Promise<IngestResult> {
  const raw = Buffer.from(input.raw.buffer, input.raw.byteOffset, input.raw.byteLength);
  const [inserted] = await db
    .insert(inboundEmails)
    .values({ sourceKey: input.sourceKey, raw, rawSize: raw.byteLength, receivedAt: now })
    .onConflictDoNothing({ target: inboundEmails.sourceKey })
    .returning({ id: inboundEmails.id });
  if (!inserted) {
    // Seen this delivery before (a re-polled UID, a retried webhook): report what became of it.
    const [existing] = await db.select({ id: inboundEmails.id, status: inboundEmails.status }).from(inboundEmails).where(eq(inboundEmails.sourceKey, input.sourceKey));
    return { id: existing!.id, status: existing!.status, duplicate: true };
  }
  const status = await processInboundEmail(db, inserted.id, now);
  return { id: inserted.id, status, duplicate: status === "duplicate" };
}

// Long enough that a message being processed right now is not picked up twice.
const STALE_RECEIVED_MS = 60_000;

/**
 * Processes messages that were stored but never parsed (the process stopped in between).
 * The worker calls it; failed ones wait for a person to retry them.
 */
export async function processStalledInboundEmails(db: Db, now = new Date(), limit = 20): Promise<number> {
  const stalled = await db
    .select({ id: inboundEmails.id })
    .from(inboundEmails)
    .where(and(eq(inboundEmails.status, "received"), lt(inboundEmails.receivedAt, new Date(now.getTime() - STALE_RECEIVED_MS))))
    .orderBy(asc(inboundEmails.receivedAt))
    .limit(limit);
  for (const { id } of stalled) await processInboundEmail(db, id, now);
  return stalled.length;
}
