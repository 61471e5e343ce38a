import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outboxEmails, type OutboxEmail } from "@/db/schema";
import { errorMessage, log } from "@/lib/log";
import { DeliveryError, type MailTransport } from "./transports";

/** After this many attempts a temporarily failing email is given up as failed. */
export const MAX_ATTEMPTS = 8;
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;
/**
 * How long a claimed batch belongs to one worker. It must outlast sending a whole batch: with
 * the SMTP time-outs in transports.ts (≤ ~50 s per mail) and the default batch of 10, 10 minutes.
 */
export const LEASE_MS = 10 * 60_000;
export const DEFAULT_BATCH_SIZE = 10;

export type DeliveryCounts = { claimed: number; sent: number; retried: number; failed: number };

/** Wait before the next try after `attempts` tries: 30 s, 1 min, 2 min … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/**
 * Claim with a lease, send outside any transaction, then record the outcome.
 *
 * Holding `FOR UPDATE` across an SMTP conversation would keep a transaction (and, on PGlite, the
 * only connection) open for as long as a slow server likes. Instead a short transaction picks due
 * rows with `FOR UPDATE SKIP LOCKED` and pushes their next_attempt_at to now + LEASE_MS while
 * counting the attempt: other workers skip them while locked and no longer see them as due once
 * committed. The outcome is written only if the row still carries our claim (same attempt count),
 * so a worker whose lease ran out cannot overwrite a newer claim.
 *
 * Trade-off: a worker that dies after the server accepted a mail but before recording it sends it
 * again once the lease expires (at-least-once delivery); the resent mail has the same Message-ID,
 * which lets mail clients drop the duplicate. Counting the attempt at claim time means a mail that
 * crashes the worker every time still stops after MAX_ATTEMPTS.
 */
export async function deliverDueEmails(
  db: Db,
  transport: MailTransport,
  { now = new Date(), batchSize = DEFAULT_BATCH_SIZE }: { now?: Date; batchSize?: number } = {},
): Promise<DeliveryCounts> {
  const claimed = await claimDueEmails(db, now, batchSize);
  const counts: DeliveryCounts = { claimed: claimed.length, sent: 0, retried: 0, failed: 0 };
  for (const email of claimed) {
    counts[await deliverOne(db, transport, email, now)] += 1;
  }
  return counts;
}

async function claimDueEmails(db: Db, now: Date, batchSize: number): Promise<OutboxEmail[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outboxEmails.id })
      .from(outboxEmails)
      .where(and(eq(outboxEmails.status, "pending"), lte(outboxEmails.nextAttemptAt, now)))
      .orderBy(asc(outboxEmails.nextAttemptAt))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const claimed = await tx
      .update(outboxEmails)
      .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS), attempts: sql`${outboxEmails.attempts} + 1` })
      .where(inArray(outboxEmails.id, due.map((row) => row.id)))
      .returning();
    return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  });
}

async function deliverOne(db: Db, transport: MailTransport, email: OutboxEmail, now: Date): Promise<"sent" | "retried" | "failed"> {
  let outcome: "sent" | "retried" | "failed";
  let changes: Partial<OutboxEmail>;
  try {
    await transport.send(email);
    outcome = "sent";
    changes = { status: "sent", sentAt: new Date(), transport: transport.name, lastError: null };
  } catch (error) {
    const permanent = error instanceof DeliveryError && error.kind === "permanent";
    const lastError = errorMessage(error).slice(0, 2000);
    if (permanent || email.attempts >= MAX_ATTEMPTS) {
      outcome = "failed";
      changes = { status: "failed", transport: transport.name, lastError };
    } else {
      outcome = "retried";
      changes = { nextAttemptAt: new Date(now.getTime() + backoffMs(email.attempts)), transport: transport.name, lastError };
    }
    log.warn(`email ${outcome === "failed" ? "failed" : "will be retried"}`, {
      id: email.id,
      template: email.template,
      attempt: email.attempts,
      error: lastError,
    });
  }
  const updated = await db
    .update(outboxEmails)
    .set(changes)
    .where(and(eq(outboxEmails.id, email.id), eq(outboxEmails.status, "pending"), eq(outboxEmails.attempts, email.attempts)))
    .returning({ id: outboxEmails.id });
  if (updated.length === 0) log.warn("email claim was lost before its outcome was recorded", { id: email.id, outcome });
  return outcome;
}
