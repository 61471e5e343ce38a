import type { Tx } from "@/db/client";
import type { InboundEmail, MatchMethod, Request } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { MAX_FILES_PER_SUBMISSION, validateUploads, type AcceptedUpload, type UploadProblem } from "@/lib/files/upload-rules";
import { receiveRequesterMessage } from "@/lib/requests/receive-requester-message";
import type { ParsedInboundEmail } from "./parsed-email";

/**
 * E-mail attachments under the portal's rules, one by one: what passes is saved, what does not
 * is named on the message (the raw e-mail still holds it, so nothing is lost).
 */
async function sortAttachments(attachments: ParsedInboundEmail["attachments"]) {
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
) {
  const { accepted, rejected } = await sortAttachments(parsed.attachments);
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
