import { createHash } from "node:crypto";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { inboundEmails, outboxEmails, requests, type BounceDetail, type InboundEmail, type InboundStatus, type UnmatchedReason } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getEnv, trustedAuthservIds } from "@/lib/env";
import { errorMessage, log } from "@/lib/log";
import { toStorableText } from "@/lib/text/clean-text";
import { recordRequestChange } from "@/lib/requests/record-request-change";
import { transactionWithStagedFiles, type StagedFile } from "@/lib/files/staged-files";
import { applyInboundAutoReply, applyInboundReply, sortReplyAttachments, type SortedAttachments } from "./apply-inbound-reply";
import { nextInboundAttemptAt } from "./inbound-retry-policy";
import { findBouncedEmail, matchInboundEmail } from "./match-inbound-email";
import { parseInboundEmail } from "./parse-inbound-email";
import { parsedColumns } from "./parsed-columns";
import type { ParsedInboundEmail } from "./parsed-email";

/** Statuses a message can be (re)processed from. */
const PROCESSABLE: readonly InboundStatus[] = ["received", "failed"];

/** A stable made-up Message-ID for mail without one: the same bytes delivered twice get the same id. */
export function synthesizedMessageId(raw: Uint8Array): string {
  return `<${createHash("sha256").update(raw).digest("hex")}@synthesized.privacy-desk.invalid>`;
}

function describeBounce(bounce: BounceDetail): string {
  return [bounce.recipient, bounce.status, bounce.diagnostic].filter(Boolean).join(" — ") || "delivery failed";
}

/** A delivery-status report: the outbox e-mail it names is marked bounced, and staff see it on the request. */
async function applyBounce(tx: Tx, email: InboundEmail, parsed: ParsedInboundEmail, actor: Actor, now: Date): Promise<Outcome> {
  const bounce = parsed.bounce!;
  const outbound = await findBouncedEmail(tx, bounce.originalMessageId);
  if (!outbound) return { status: "unmatched", requestId: null };
  // "delayed" (and "relayed", "delivered") reports say the mail is still on its way: kept, nothing marked.
  if (bounce.action && bounce.action.toLowerCase() !== "failed") return { status: "processed", requestId: outbound.requestId };
  const detail = describeBounce(bounce);
  await tx.update(outboxEmails).set({ status: "bounced", bouncedAt: now, bounceDetail: detail }).where(eq(outboxEmails.id, outbound.id));
  if (outbound.requestId) {
    await recordRequestChange(tx, {
      requestId: outbound.requestId,
      kind: "email_bounced",
      actor,
      data: { outboxEmailId: outbound.id, inboundEmailId: email.id, to: outbound.toAddress, detail },
      visibleToRequester: false,
    });
  } else {
    await recordAuditEvent(tx, { actorType: actor.type, actorId: actor.id, action: "email.bounced", entityType: "outbox_email", entityId: outbound.id, data: { inboundEmailId: email.id, to: outbound.toAddress, detail } });
  }
  return { status: "processed", requestId: outbound.requestId };
}

type Outcome = {
  status: InboundStatus;
  requestId: string | null;
  matchedBy?: InboundEmail["matchedBy"];
  requestMessageId?: string;
  unmatchedReason?: UnmatchedReason | null;
};

/** A reply's attachments: the accepted ones staged before the transaction, the refused ones named. */
type ReplyAttachments = { accepted: readonly StagedFile[]; rejected: SortedAttachments["rejected"] };

/** Decides what the message is and applies it, inside the transaction that holds its row. */
async function applyParsed(tx: Tx, email: InboundEmail, parsed: ParsedInboundEmail, attachments: ReplyAttachments, now: Date): Promise<Outcome> {
  const actor: Actor = { type: "email", id: email.id };
  if (parsed.kind === "bounce") return applyBounce(tx, email, parsed, actor, now);

  const match = await matchInboundEmail(tx, parsed, { supportEmail: getEnv().OPERATOR_SUPPORT_EMAIL, trustedAuthservIds: trustedAuthservIds() });
  if (!match.request) return { status: "unmatched", requestId: null, unmatchedReason: match.unmatchedReason };

  const [request] = await tx.select().from(requests).where(eq(requests.id, match.request.id)).for("update");
  // An auto-reply (out of office …) changes nothing, but its text still reaches the thread, marked and collapsed.
  const message =
    parsed.kind === "auto_reply"
      ? await applyInboundAutoReply(tx, { email, parsed, request: request!, matchedBy: match.matchedBy, actor, now })
      : await applyInboundReply(tx, { email, parsed, request: request!, matchedBy: match.matchedBy, actor, now }, attachments);
  return { status: "processed", requestId: request!.id, matchedBy: match.matchedBy, requestMessageId: message.id };
}

/** When even recording the reason fails, this fixed text still can be stored. */
const UNRECORDABLE_ERROR = "processing failed and its error could not be recorded; see the server log";

async function recordFailure(db: Db, id: string, message: string, now: Date): Promise<void> {
  const [row] = await db.select({ attempts: inboundEmails.attempts }).from(inboundEmails).where(eq(inboundEmails.id, id));
  if (!row) return;
  const attempts = row.attempts + 1;
  await db
    .update(inboundEmails)
    .set({ status: "failed", error: message, attempts, nextAttemptAt: nextInboundAttemptAt(attempts, now) })
    .where(eq(inboundEmails.id, id));
}

/**
 * Keeps the reason on the row (status "failed", shown to staff with a retry button) and schedules
 * the worker's next try. Never throws: the error text is made storable first, and should the
 * update still fail, a fixed text is stored instead, so no row stays "received" unseen.
 */
async function markFailed(db: Db, id: string, error: unknown, now: Date): Promise<void> {
  const message = toStorableText(errorMessage(error)).slice(0, 2_000);
  log.warn("inbound e-mail could not be processed", { inboundEmailId: id, error: message });
  try {
    await recordFailure(db, id, message, now);
  } catch (recordError) {
    log.error("inbound e-mail: recording the failure failed", { inboundEmailId: id, error: toStorableText(errorMessage(recordError)).slice(0, 500) });
    try {
      await recordFailure(db, id, UNRECORDABLE_ERROR, now);
    } catch {
      // The database itself is unreachable: the row stays "received" and the worker picks it up again.
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: string }).code === "23505") return true;
  }
  return false;
}

async function applyOnce(db: Db, id: string, parsed: ParsedInboundEmail, messageId: string, now: Date): Promise<InboundStatus> {
  // A reply's files are written before the transaction opens; if it ends up unmatched, a
  // duplicate or failed, they are removed again.
  const { accepted, rejected } = await sortReplyAttachments(parsed);
  return transactionWithStagedFiles(db, accepted, async (tx, staged) => {
    const [email] = await tx.select().from(inboundEmails).where(eq(inboundEmails.id, id)).for("update");
    if (!email) throw new Error(`inbound e-mail ${id} not found`);
    if (!PROCESSABLE.includes(email.status)) return email.status;

    const [original] = await tx
      .select({ id: inboundEmails.id })
      .from(inboundEmails)
      .where(and(eq(inboundEmails.messageId, messageId), isNull(inboundEmails.duplicateOfId), ne(inboundEmails.id, id)));
    if (original) {
      // The same message again (a second delivery, a copy in another folder): nothing to apply.
      await tx
        .update(inboundEmails)
        .set({ ...parsedColumns(parsed, messageId), status: "duplicate", duplicateOfId: original.id, error: null, nextAttemptAt: null, processedAt: now })
        .where(eq(inboundEmails.id, id));
      return "duplicate";
    }

    // Claim the Message-ID first: a concurrent copy fails here on the unique index and is retried as a duplicate.
    await tx.update(inboundEmails).set(parsedColumns(parsed, messageId)).where(eq(inboundEmails.id, id));
    const outcome = await applyParsed(tx, { ...email, ...parsedColumns(parsed, messageId) }, parsed, { accepted: staged, rejected }, now);
    await tx
      .update(inboundEmails)
      .set({
        status: outcome.status,
        requestId: outcome.requestId,
        matchedBy: outcome.matchedBy ?? null,
        requestMessageId: outcome.requestMessageId ?? null,
        unmatchedReason: outcome.unmatchedReason ?? null,
        error: null,
        nextAttemptAt: null,
        processedAt: now,
        attempts: sql`${inboundEmails.attempts} + 1`,
      })
      .where(eq(inboundEmails.id, id));
    await recordAuditEvent(tx, {
      actorType: "email",
      actorId: id,
      action: "inbound_email.processed",
      entityType: "inbound_email",
      entityId: id,
      requestId: outcome.requestId,
      // Ids only: the audit log outlives retention, so no sender address here (the row keeps it until then).
      data: { status: outcome.status, kind: parsed.kind, matchedBy: outcome.matchedBy ?? null, messageId },
    });
    return outcome.status;
  });
}

/**
 * Parses a stored inbound e-mail and applies it: duplicate, bounce, auto-reply, a reply on its
 * request, or unmatched (for staff to sort out). Any error is kept on the row (status "failed",
 * retried by the worker after a back-off, then by staff) and never thrown, so one bad message
 * cannot stop the others.
 */
export async function processInboundEmail(db: Db, id: string, now = new Date()): Promise<InboundStatus> {
  try {
    const [stored] = await db.select({ raw: inboundEmails.raw, status: inboundEmails.status }).from(inboundEmails).where(eq(inboundEmails.id, id));
    if (!stored) throw new Error(`inbound e-mail ${id} not found`);
    if (!PROCESSABLE.includes(stored.status)) return stored.status;
    const parsed = await parseInboundEmail(stored.raw);
    const messageId = parsed.messageId ?? synthesizedMessageId(stored.raw);
    try {
      return await applyOnce(db, id, parsed, messageId, now);
    } catch (error) {
      // Lost a race with a copy of the same message: this time it is recognised as the duplicate.
      if (isUniqueViolation(error)) return await applyOnce(db, id, parsed, messageId, now);
      throw error;
    }
  } catch (error) {
    await markFailed(db, id, error, now);
    return "failed";
  }
}
