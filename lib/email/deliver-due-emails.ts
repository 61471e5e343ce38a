import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outboxEmails, type OutboxEmail, type StoredFile } from "@/db/schema";
import { backoffMs as queueBackoffMs, claimDue, settleClaim, type LeasedQueue } from "@/lib/jobs/leased-queue";
import { errorMessage, log } from "@/lib/log";
import { outboxAttachmentFiles, readOutboxAttachments } from "./outbox-attachments";
import { DeliveryError, type MailAttachment, type MailTransport } from "./transports";

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
  return queueBackoffMs(attempts, { baseMs: BASE_BACKOFF_MS, maxMs: MAX_BACKOFF_MS });
}

const OUTBOX: LeasedQueue<typeof outboxEmails> = { table: outboxEmails, order: [asc(outboxEmails.nextAttemptAt)], leaseMs: LEASE_MS };

/**
 * Claim with a lease, send outside any transaction, then record the outcome (lib/jobs/leased-queue.ts).
 *
 * Trade-off: a worker that dies after the server accepted a mail but before recording it sends it
 * again once the lease expires (at-least-once delivery); the resent mail has the same Message-ID,
 * which lets mail clients drop the duplicate. A worker that merely lost its database mid-batch
 * keeps what it knows and settles it on its next run once the database answers: outcomes are
 * recorded, untried mails released at once (settleLeftClaims).
 */
export async function deliverDueEmails(
  db: Db,
  transport: MailTransport,
  { now = new Date(), batchSize = DEFAULT_BATCH_SIZE }: { now?: Date; batchSize?: number } = {},
): Promise<DeliveryCounts> {
  await settleLeftClaims(db, now);
  const claimed = (await claimDue(db, OUTBOX, now, batchSize)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const counts: DeliveryCounts = { claimed: claimed.length, sent: 0, retried: 0, failed: 0 };
  let attachments: Map<string, StoredFile[]>;
  try {
    attachments = await outboxAttachmentFiles(db, claimed.map((email) => email.id));
  } catch (error) {
    // The database went away right after the claim: give the whole batch back once it answers.
    const left = leftClaims(db);
    for (const unsent of claimed) left.set(unsent.id, { attempts: unsent.attempts, changes: null });
    throw error;
  }
  for (const [index, email] of claimed.entries()) {
    const files = attachments.get(email.id) ?? [];
    const { outcome, changes } = await sendOne(transport, email, now, () => (files.length > 0 ? readOutboxAttachments(db, files) : Promise.resolve([])));
    try {
      await recordOutcome(db, email, outcome, changes);
    } catch (error) {
      // The database went away mid-batch: keep this outcome and give the unsent rest back as soon
      // as it answers again, rather than leaving them leased for LEASE_MS (a verification code
      // lives 15 minutes).
      const left = leftClaims(db);
      left.set(email.id, { attempts: email.attempts, changes });
      for (const unsent of claimed.slice(index + 1)) left.set(unsent.id, { attempts: unsent.attempts, changes: null });
      throw error;
    }
    counts[outcome] += 1;
  }
  return counts;
}

/** A claim this process could not settle: its outcome to record, or null for a mail never tried. */
type LeftClaim = { attempts: number; changes: Partial<OutboxEmail> | null };

// Per database handle (the app has one), on globalThis like the worker that owns them.
const leftHolder = globalThis as unknown as { __privacyDeskLeftClaims?: WeakMap<Db, Map<string, LeftClaim>> };

function leftClaims(db: Db): Map<string, LeftClaim> {
  leftHolder.__privacyDeskLeftClaims ??= new WeakMap();
  let left = leftHolder.__privacyDeskLeftClaims.get(db);
  if (!left) leftHolder.__privacyDeskLeftClaims.set(db, (left = new Map()));
  return left;
}

/**
 * Settles what a lost database left behind, first thing once it answers: records outcomes that
 * could not be written, and releases mails never tried (due now, the attempt not counted). Only a
 * row still carrying our claim (pending, same attempt count) is touched.
 */
async function settleLeftClaims(db: Db, now: Date): Promise<void> {
  const left = leftClaims(db);
  for (const [id, claim] of [...left]) {
    const changes = claim.changes ?? { nextAttemptAt: now, attempts: claim.attempts - 1 };
    await settleClaim(db, OUTBOX, { id, attempts: claim.attempts }, changes);
    left.delete(id);
    if (!claim.changes) log.info("email released after the database came back", { id });
  }
}

type Outcome = "sent" | "retried" | "failed";

/**
 * Sends one claimed mail. Only its files' bytes are read from the database (a failure there counts
 * as a failed try); its outcome is kept in memory, so it survives a lost connection.
 */
async function sendOne(
  transport: MailTransport,
  email: OutboxEmail,
  now: Date,
  readAttachments: () => Promise<MailAttachment[]>,
): Promise<{ outcome: Outcome; changes: Partial<OutboxEmail> }> {
  try {
    await transport.send(email, await readAttachments());
    return { outcome: "sent", changes: { status: "sent", sentAt: new Date(), transport: transport.name, lastError: null } };
  } catch (error) {
    const permanent = error instanceof DeliveryError && error.kind === "permanent";
    const lastError = errorMessage(error).slice(0, 2000);
    const outcome: Outcome = permanent || email.attempts >= MAX_ATTEMPTS ? "failed" : "retried";
    log.warn(`email ${outcome === "failed" ? "failed" : "will be retried"}`, {
      id: email.id,
      template: email.template,
      attempt: email.attempts,
      error: lastError,
    });
    return outcome === "failed"
      ? { outcome, changes: { status: "failed", transport: transport.name, lastError } }
      : { outcome, changes: { nextAttemptAt: new Date(now.getTime() + backoffMs(email.attempts)), transport: transport.name, lastError } };
  }
}

async function recordOutcome(db: Db, email: OutboxEmail, outcome: Outcome, changes: Partial<OutboxEmail>): Promise<void> {
  if (!(await settleClaim(db, OUTBOX, email, changes))) log.warn("email claim was lost before its outcome was recorded", { id: email.id, outcome });
}
