import type { Tx } from "@/db/client";
import { requestMessages, type InboundEmail, type MatchMethod, type Request } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import type { StagedFile } from "@/lib/files/staged-files";
import { MAX_FILES_PER_SUBMISSION, validateUploads, type AcceptedUpload, type UploadProblem } from "@/lib/files/upload-rules";
import { receiveRequesterMessage } from "@/lib/requests/receive-requester-message";
import { recordRequestChange } from "@/lib/requests/record-request-change";
import { AUTO_REPLY_CHANNEL } from "./message-channels";
import type { ParsedInboundEmail } from "./parsed-email";

export type SortedAttachments = { accepted: AcceptedUpload[]; rejected: Pick<UploadProblem, "name" | "code">[] };

/**
 * A reply's e-mail attachments under the portal's rules, one by one: what passes is saved, what
 * does not is named on the message (the raw e-mail still holds it, so nothing is lost). Sorted
 * before the transaction, so the accepted ones can be staged before it opens.
 */
export async function sortReplyAttachments(parsed: ParsedInboundEmail): Promise<SortedAttachments> {
  const attachments = parsed.kind === "reply" ? parsed.attachments : [];
  const accepted: AcceptedUpload[] = [];
  const rejected: Pick<UploadProblem, "name" | "code">[] = [];
  for (const attachment of attachments) {
    if (accepted.length >= MAX_FILES_PER_SUBMISSION) {
      rejected.push({ name: attachment.filename, code: "too_many" });
      continue;
    }
    const result = await validateUploads([{ name: attachment.filename, bytes: attachment.bytes }]);
    if (result.ok) accepted.push(...result.files);
    else rejected.push(...result.problems.map(({ name, code }) => ({ name, code })));
  }
  return { accepted, rejected };
}

/**
 * A requester's e-mail reply becomes a message on the request (the quoted history trimmed; the
 * full original stays on the inbound e-mail), with the same effects as a portal message.
 * The caller holds the request row locked and updates the inbound e-mail's own row.
 */
export async function applyInboundReply(
  tx: Tx,
  { email, parsed, request, matchedBy, actor, now }: { email: Pick<InboundEmail, "id" | "fromAddress">; parsed: ParsedInboundEmail; request: Request; matchedBy: MatchMethod; actor: Actor; now: Date },
  /** The accepted ones staged by the transactionWithStagedFiles this runs in (sortReplyAttachments' `accepted`). */
  { accepted, rejected }: { accepted: readonly StagedFile[]; rejected: SortedAttachments["rejected"] },
) {
  const body = parsed.visibleText.trim() || parsed.text.trim();
  return receiveRequesterMessage(tx, request, {
    body,
    channel: "email",
    attachments: accepted,
    rejectedAttachments: rejected,
    actor,
    now,
    data: {
      inboundEmailId: email.id,
      matchedBy,
      // Staff should see when an answer came from an address other than the verified one.
      from: email.fromAddress,
      fromOtherAddress: !!email.fromAddress && email.fromAddress.toLowerCase() !== request.requesterEmail.toLowerCase(),
    },
  });
}


/**
 * An automatic reply (out of office …) on a matched request: its text goes on the thread, so no
 * words are ever dropped, but it changes nothing — no status change, no clock, no note to the
 * assignee — and staff see it collapsed, marked as automatic. Attachments stay in the raw e-mail.
 */
export async function applyInboundAutoReply(
  tx: Tx,
  { email, parsed, request, matchedBy, actor, now }: { email: Pick<InboundEmail, "id" | "fromAddress">; parsed: ParsedInboundEmail; request: Request; matchedBy: MatchMethod; actor: Actor; now: Date },
) {
  const body = parsed.visibleText.trim() || parsed.text.trim() || parsed.subject || "";
  const [message] = await tx
    .insert(requestMessages)
    .values({ requestId: request.id, direction: "inbound", authorType: "requester", channel: AUTO_REPLY_CHANNEL, body, createdAt: now })
    .returning();
  await recordRequestChange(tx, {
    requestId: request.id,
    kind: "message_received",
    actor,
    data: { messageId: message!.id, channel: AUTO_REPLY_CHANNEL, attachments: 0, inboundEmailId: email.id, matchedBy, autoReply: true },
    visibleToRequester: false,
  });
  return message!;
}
