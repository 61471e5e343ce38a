import { and, asc, eq, gt, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { Db } from "@/db/client";
import { inboundEmails, outboxEmails, requestMessages, requests, staff, type OutboxEmail } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { escapeHtml } from "@/lib/email/email-layout";
import { issueStatusLink } from "@/lib/requests/complete-verification";
import { recordRequestChange } from "@/lib/requests/record-request-change";
import { assertCan } from "@/lib/auth/assert-can";
import { AppError } from "@/lib/errors/app-error";
import type { UnseenMessage } from "./unseen-message";
import { staffReplySchema, type StaffReplyInput } from "./schemas";
import type { StaffActor } from "./templates";
import { insertOutboundMessage } from "@/lib/requests/staff/insert-outbound-message";
import { recordStagedFiles, transactionWithStagedFiles } from "@/lib/files/staged-files";

/** References keeps the thread's first message and the latest ones, so the header stays short. */
export const MAX_REFERENCES = 10;

export type SentReply = { messageId: string; outboxEmailId: string; subject: string; createdAt: Date; fileIds: string[] };

const THREAD_DIRECTIONS = ["inbound", "outbound"] as const;

/**
 * Messages on the request the composer did not show: everything after the last message it saw
 * (in the order the composer lists them: time, then id), and anything written after it was
 * loaded. The comparison runs in SQL so the stored microseconds are not rounded away; an
 * unknown lastSeenMessageId counts as having seen nothing.
 */
async function unseenMessages(tx: Tx, requestId: string, lastSeenMessageId: string | null, loadedAt: Date): Promise<UnseenMessage[]> {
  let unseen: SQL = sql`true`;
  if (lastSeenMessageId) {
    const seen = (columns: SQL) =>
      sql`(select ${columns} from ${requestMessages} seen where seen.id = ${lastSeenMessageId}::uuid and seen.request_id = ${requestId}::uuid and seen.direction in ('inbound', 'outbound'))`;
    unseen = sql`(not exists ${seen(sql`1`)} or (${requestMessages.createdAt}, ${requestMessages.id}) > ${seen(sql`seen.created_at, seen.id`)} or ${gt(requestMessages.createdAt, loadedAt)})`;
  }
  const rows = await tx
    .select({
      id: requestMessages.id,
      direction: requestMessages.direction,
      authorType: requestMessages.authorType,
      authorName: staff.name,
      body: requestMessages.body,
      createdAt: requestMessages.createdAt,
    })
    .from(requestMessages)
    .leftJoin(staff, and(eq(requestMessages.authorType, "staff"), sql`${staff.id}::text = ${requestMessages.authorId}`))
    .where(and(eq(requestMessages.requestId, requestId), inArray(requestMessages.direction, [...THREAD_DIRECTIONS]), unseen))
    .orderBy(asc(requestMessages.createdAt), asc(requestMessages.id));
  return rows.map((row) => ({ ...row, direction: row.direction as UnseenMessage["direction"] }));
}

/**
 * Message-IDs of the thread so far, oldest first: the staff replies e-mailed on this request and
 * the requester's e-mails that arrived on it, so an answer to an e-mail is threaded under it.
 */
async function threadMessages(tx: Tx, requestId: string): Promise<{ messageId: string; subject: string | null }[]> {
  const outbound = await tx
    .select({ messageId: outboxEmails.messageId, subject: outboxEmails.subject, at: outboxEmails.createdAt })
    .from(requestMessages)
    .innerJoin(outboxEmails, eq(outboxEmails.id, requestMessages.outboxEmailId))
    .where(and(eq(requestMessages.requestId, requestId), eq(requestMessages.direction, "outbound")));
  const inbound = await tx
    .select({ messageId: inboundEmails.messageId, subject: inboundEmails.subject, at: inboundEmails.receivedAt })
    .from(inboundEmails)
    .where(and(eq(inboundEmails.requestId, requestId), eq(inboundEmails.kind, "reply"), isNull(inboundEmails.duplicateOfId), isNotNull(inboundEmails.requestMessageId)));
  return [...outbound, ...inbound]
    .filter((row): row is { messageId: string; subject: string | null; at: Date } => row.messageId !== null)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** "Re: " and its translations as mail programs write them, however many. */
const REPLY_PREFIXES = /^(\s*(re|fwd?|aw|sv|ответ|отв|на)\s*(\[\d+\])?\s*:\s*)+/i;

/** The subject of an answer within a thread: "Re: <the thread's latest subject>", as mail programs do. */
export function threadReplySubject(latestSubject: string): string {
  return `Re: ${latestSubject.replace(REPLY_PREFIXES, "").trim()}`;
}

/** In-Reply-To the latest e-mail of the thread, References to the first and the latest ones (RFC 5322 §3.6.4). */
export function threadHeaders(previous: string[]): Record<string, string> {
  if (previous.length === 0) return {};
  const references = previous.length > MAX_REFERENCES ? [previous[0]!, ...previous.slice(-(MAX_REFERENCES - 1))] : previous;
  return { "In-Reply-To": previous[previous.length - 1]!, References: references.join(" ") };
}

/** The subject the agent chose, on one line, always carrying the reference in brackets (inbound mail is matched by it). */
export function replySubject(subject: string, reference: string): string {
  const line = subject.replace(/[\r\n]+/g, " ").replace(/\s+/g, " ").trim();
  return line.includes(`[${reference}]`) ? line : `${line} [${reference}]`;
}

/**
 * The staff_reply e-mail template has a fixed subject; an agent's own subject replaces it in the
 * header and in the HTML part's title and heading, which the layout fills with the subject.
 * TODO(lead): a `subject` variable on the staff_reply template would make this unnecessary.
 */
async function useSubject(tx: Tx, email: OutboxEmail, subject: string): Promise<OutboxEmail> {
  if (subject === email.subject) return email;
  const from = escapeHtml(email.subject);
  const to = escapeHtml(subject);
  // Function replacers, so a "$&" in the agent's subject stays text.
  const htmlBody = email.htmlBody
    .replace(`<title>${from}</title>`, () => `<title>${to}</title>`)
    .replace(/(<h1[^>]*>)([^<]*)(<\/h1>)/, (whole, open: string, text: string, close: string) => (text === from ? `${open}${to}${close}` : whole));
  const [updated] = await tx.update(outboxEmails).set({ subject, htmlBody }).where(eq(outboxEmails.id, email.id)).returning();
  return updated!;
}

/**
 * An agent's (or admin's) reply to the requester: an outbound message on the request (with its
 * attached files), and the staff_reply e-mail in the requester's language, threaded under the
 * earlier replies — all in one transaction, with the timeline event and audit row.
 *
 * No double answers: the request row is locked, and if any message arrived after the state the
 * composer was loaded with (`lastSeenMessageId`, `loadedAt`), nothing is written and a
 * AppError("stale") carries the new messages.
 */
export async function sendStaffReply(db: Db, input: StaffReplyInput, actor: StaffActor, now = new Date()): Promise<SentReply> {
  assertCan(actor, "requests.work");
  const data = staffReplySchema.parse(input);
  // The attachments' bytes are written before the transaction opens (and removed if it is refused).
  return transactionWithStagedFiles(db, data.attachments, async (tx, attachments) => {
    // Serialises replies and requester messages on this request (postRequesterMessage locks it too).
    const [request] = await tx.select().from(requests).where(eq(requests.id, data.requestId)).for("update");
    if (!request) throw new AppError("not_found", { details: { requestId: data.requestId } });
    if (!request.reference || request.status === "unverified" || request.status === "expired") throw new AppError("not_repliable", { details: { requestId: request.id, status: request.status } });

    const unseen = await unseenMessages(tx, request.id, data.lastSeenMessageId, data.loadedAt);
    if (unseen.length > 0) throw new AppError("stale", { messages: unseen, details: { requestId: request.id, unseen: unseen.length } });

    const locale = request.locale;
    const thread = await threadMessages(tx, request.id);
    const previous = thread.map((message) => message.messageId);
    // The status link is only ever stored hashed, so each reply carries a fresh one.
    const statusUrl = await issueStatusLink(tx, request, now);
    let email = await enqueueEmail(tx, {
      requestId: request.id,
      template: "staff_reply",
      locale,
      to: request.requesterEmail,
      replyToRequest: true,
      variables: { name: request.requesterName, reference: request.reference, body: data.body, statusUrl },
      headers: threadHeaders(previous),
    });
    const latestSubject = thread.findLast((message) => message.subject)?.subject;
    const subject = data.subject || (latestSubject ? threadReplySubject(latestSubject) : null);
    if (subject) email = await useSubject(tx, email, replySubject(subject, request.reference));

    const message = await insertOutboundMessage(tx, { requestId: request.id, staffId: actor.id, body: data.body, outboxEmailId: email.id, now });
    // Files of the message: shown on the thread and the status page, attached to the e-mail when the
    // outbox delivers it (lib/email/outbox-attachments.ts), removed with the request's other files.
    const saved = await recordStagedFiles(tx, { requestId: request.id, messageId: message.id, purpose: "attachment", uploadedBy: actor.id, files: attachments });
    const fileIds = saved.map((file) => file.id);
    await recordRequestChange(tx, {
      requestId: request.id,
      kind: "message_sent",
      actor: { type: "staff", id: actor.id },
      data: { messageId: message.id, outboxEmailId: email.id, subject: email.subject, inReplyTo: previous.at(-1) ?? null, ...(fileIds.length > 0 ? { files: fileIds } : {}) },
    });
    return { messageId: message.id, outboxEmailId: email.id, subject: email.subject, createdAt: now, fileIds };
  });
}
