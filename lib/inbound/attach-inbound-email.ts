import { and, eq, isNull, ne } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { inboundEmails, requests, type InboundEmail } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { referenceQuery } from "@/lib/requests/list-queue";
import { recordRequestChange } from "@/lib/requests/record-request-change";
import { assertCan } from "@/lib/auth/assert-can";
import { parseInput } from "@/lib/errors/field-errors";
import { staffActor } from "@/lib/requests/staff/staff-context";
import { transactionWithStagedFiles } from "@/lib/files/staged-files";
import { applyInboundAutoReply, applyInboundReply, sortReplyAttachments } from "./apply-inbound-reply";
import { AppError } from "@/lib/errors/app-error";
import { attachInboundSchema, INBOUND_STATUS_ACTIONS } from "./inbound-staff-schemas";
import { lockInboundEmail } from "./lock-inbound-email";
import { parseInboundEmail } from "./parse-inbound-email";
import { parsedColumns } from "./parsed-columns";
import type { ParsedInboundEmail } from "./parsed-email";
import { synthesizedMessageId } from "./process-inbound-email";

/** Unmatched mail waits for a person; failed mail can be attached when its bytes parse now. */

export type AttachedInboundEmail = { requestId: string; reference: string; requestMessageId: string | null };

async function parseStored(raw: Buffer): Promise<ParsedInboundEmail> {
  try {
    return await parseInboundEmail(raw);
  } catch (error) {
    throw new AppError("unparseable", { details: { error: error instanceof Error ? error.message : String(error) } });
  }
}

/**
 * A failed row never got its parsed fields (the failure rolled them back): they are written now,
 * unless another stored e-mail already holds the Message-ID, in which case this is a copy.
 */
async function columnsForFailed(tx: Tx, email: InboundEmail, parsed: ParsedInboundEmail) {
  const messageId = parsed.messageId ?? synthesizedMessageId(email.raw);
  const [original] = await tx
    .select({ id: inboundEmails.id })
    .from(inboundEmails)
    .where(and(eq(inboundEmails.messageId, messageId), isNull(inboundEmails.duplicateOfId), ne(inboundEmails.id, email.id)));
  if (original) throw new AppError("duplicate", { details: { originalId: original.id } });
  return parsedColumns(parsed, messageId);
}

/**
 * Staff tie an e-mail no rule could match to the request whose reference they type (any case,
 * with or without "DSR-"). A reply becomes the requester's message on the request, with the same
 * effects as one matched automatically; a bounce or auto-reply is only kept with the request.
 */
export async function attachInboundEmail(
  db: Db,
  input: z.input<typeof attachInboundSchema>,
  actor: CurrentStaff,
  now = new Date(),
): Promise<AttachedInboundEmail> {
  const data = parseInput(attachInboundSchema, input);
  assertCan(actor, "requests.work");
  const reference = referenceQuery(data.reference);
  if (!reference) throw new AppError("unknown_reference", { details: { reference: data.reference } });

  // Parsed, and a reply's files written, before the transaction opens: the raw e-mail never
  // changes but when retention empties it, which the locked row below shows.
  const [stored] = await db.select({ raw: inboundEmails.raw, status: inboundEmails.status }).from(inboundEmails).where(eq(inboundEmails.id, data.inboundEmailId));
  if (!stored) throw new AppError("not_found");
  // An e-mail already handled says so, whether or not it can be read; checked again under the lock.
  if (!INBOUND_STATUS_ACTIONS[stored.status].includes("attach")) throw new AppError("wrong_status", { details: { status: stored.status } });
  const parsed = await parseStored(stored.raw);
  const { accepted, rejected } = await sortReplyAttachments(parsed);

  return transactionWithStagedFiles(db, accepted, async (tx, staged) => {
    const email = await lockInboundEmail(tx, data.inboundEmailId);
    if (!INBOUND_STATUS_ACTIONS[email.status].includes("attach") || !email.raw.equals(stored.raw)) throw new AppError("wrong_status", { details: { status: email.status } });

    const [request] = await tx.select().from(requests).where(eq(requests.reference, reference)).for("update");
    // A request whose address was never confirmed is invisible to staff, like one that does not exist.
    if (!request || !request.verifiedAt) throw new AppError("unknown_reference", { details: { reference } });

    const fields = email.status === "failed" ? await columnsForFailed(tx, email, parsed) : {};
    const current = { ...email, ...fields };
    // The message is the requester's, delivered by e-mail: its own events name the e-mail, not the staff member.
    const reply = { email: current, parsed, request, matchedBy: "staff" as const, actor: { type: "email" as const, id: email.id }, now };
    // A bounce adds no message; an auto-reply goes on the thread collapsed, changing nothing.
    const message = parsed.kind === "reply" ? await applyInboundReply(tx, reply, { accepted: staged, rejected }) : parsed.kind === "auto_reply" ? await applyInboundAutoReply(tx, reply) : null;

    await tx
      .update(inboundEmails)
      .set({
        ...fields,
        status: "attached",
        requestId: request.id,
        requestMessageId: message?.id ?? null,
        matchedBy: "staff",
        error: null,
        processedAt: now,
        resolvedById: actor.id,
        resolvedAt: now,
        resolutionNote: data.note || null,
      })
      .where(eq(inboundEmails.id, email.id));

    await recordRequestChange(tx, {
      requestId: request.id,
      kind: "inbound_email_attached",
      actor: staffActor(actor),
      data: { inboundEmailId: email.id, kind: parsed.kind, messageId: message?.id ?? null, note: data.note || null },
      visibleToRequester: false,
    });
    await recordAuditEvent(tx, {
      actorType: "staff",
      actorId: actor.id,
      action: "inbound_email.attached",
      entityType: "inbound_email",
      entityId: email.id,
      requestId: request.id,
      data: { reference, kind: parsed.kind, previousStatus: email.status, messageId: message?.id ?? null, note: data.note || null },
    });
    return { requestId: request.id, reference, requestMessageId: message?.id ?? null };
  });
}
