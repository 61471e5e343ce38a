import { and, asc, eq, lt, lte, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inboundEmails, type InboundStatus } from "@/db/schema";
import { errorMessage, log } from "@/lib/log";
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
 * and applied (processInboundEmail keeps any error on the row). Throws only when storing fails:
 * once the bytes are stored the caller may acknowledge the message, whatever parsing made of it.
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
  try {
    const status = await processInboundEmail(db, inserted.id, now);
    return { id: inserted.id, status, duplicate: status === "duplicate" };
  } catch (error) {
    // processInboundEmail keeps its errors on the row; this is the database going away meanwhile.
    // The row stays "received" and the worker processes it later.
    log.error("inbound e-mail stored but not processed", { inboundEmailId: inserted.id, error: errorMessage(error).slice(0, 500) });
    return { id: inserted.id, status: "received", duplicate: false };
  }
}

// Long enough that a message being processed right now is not picked up twice.
const STALE_RECEIVED_MS = 60_000;

/**
 * Processes messages that were stored but never parsed (the process stopped in between) and
 * failed ones whose back-off is over (see inbound-retry-policy.ts). The worker calls it. Each
 * message on its own: one that fails again is rescheduled or left to staff, and the next is
 * still processed. Returns how many were tried.
 */
export async function processStalledInboundEmails(db: Db, now = new Date(), limit = 20): Promise<number> {
  const due = await db
    .select({ id: inboundEmails.id })
    .from(inboundEmails)
    .where(
      or(
        and(eq(inboundEmails.status, "received"), lt(inboundEmails.receivedAt, new Date(now.getTime() - STALE_RECEIVED_MS))),
        and(eq(inboundEmails.status, "failed"), lte(inboundEmails.nextAttemptAt, now)),
      ),
    )
    .orderBy(asc(inboundEmails.receivedAt))
    .limit(limit);
  for (const { id } of due) {
    try {
      await processInboundEmail(db, id, now);
    } catch (error) {
      log.error("inbound e-mail could not be processed", { inboundEmailId: id, error: errorMessage(error).slice(0, 500) });
    }
  }
  return due.length;
}
