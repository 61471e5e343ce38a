import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { requestMessages, requests, staff, type Request } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { getEnv } from "@/lib/env";
import { recordStagedFiles, type StagedFile } from "@/lib/files/staged-files";
import type { UploadProblem } from "@/lib/files/upload-rules";
import { nextStatus } from "./lifecycle";
import { recordRequestChange } from "./record-request-change";
import type { TimelineEventData } from "./timeline-events";
import { resumeClock } from "./staff/resume-clock";

export type RequesterMessageInput = {
  body: string;
  channel: "portal" | "email";
  /** Staged by the transactionWithStagedFiles the caller runs this in. */
  attachments: readonly StagedFile[];
  /** Files that were not saved (e-mail attachments over the portal's limits); the original keeps them. */
  rejectedAttachments?: readonly Pick<UploadProblem, "name" | "code">[];
  actor: Actor;
  now: Date;
  /** Extra timeline data of a message that came by e-mail (the inbound e-mail's id, how it matched, the sender). */
  data?: Pick<TimelineEventData["message_received"], "inboundEmailId" | "matchedBy" | "from" | "fromOtherAddress" | "autoReply">;
};

const EXCERPT_CHARS = 300;

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1)}…` : flat;
}

/** Tells the assignee (if any, and still active) in their language that the requester wrote. */
async function notifyAssignee(tx: Tx, request: Request, body: string): Promise<void> {
  if (!request.assigneeId || !request.reference) return;
  const [assignee] = await tx
    .select()
    .from(staff)
    .where(and(eq(staff.id, request.assigneeId), isNull(staff.disabledAt)));
  if (!assignee) return;
  const locale = assignee.locale;
  await enqueueEmail(tx, {
    requestId: request.id,
    template: "requester_replied",
    locale,
    to: assignee.email,
    variables: {
      name: assignee.name,
      reference: request.reference,
      excerpt: excerpt(body),
      url: new URL(`/${locale}/dashboard/requests/${request.id}`, getEnv().APP_URL).toString(),
    },
  });
}

/**
 * A message from the requester, on the portal or by e-mail, inside the caller's transaction (the
 * request row locked by the caller): the message and its files, the timeline event, the way
 * back from "awaiting requester" to "in progress" with the clock resumed, and a note to the
 * assignee. Closed requests keep the message but do not reopen.
 */
export async function receiveRequesterMessage(tx: Tx, request: Request, input: RequesterMessageInput) {
  const [message] = await tx
    .insert(requestMessages)
    .values({ requestId: request.id, direction: "inbound", authorType: "requester", channel: input.channel, body: input.body, createdAt: input.now })
    .returning();
  await recordStagedFiles(tx, { requestId: request.id, messageId: message!.id, purpose: "attachment", uploadedBy: "requester", files: input.attachments });
  await recordRequestChange(tx, {
    requestId: request.id,
    kind: "message_received",
    actor: input.actor,
    data: {
      messageId: message!.id,
      channel: input.channel,
      attachments: input.attachments.length,
      ...(input.rejectedAttachments?.length ? { rejectedAttachments: input.rejectedAttachments } : {}),
      ...input.data,
    },
  });
  const resumed = nextStatus(request.status, "requester_replied", "requester");
  if (resumed) {
    await resumeClock(tx, request, input.now, input.actor);
    await tx.update(requests).set({ status: resumed, statusChangedAt: input.now }).where(eq(requests.id, request.id));
    await recordRequestChange(tx, { requestId: request.id, kind: "status_changed", actor: input.actor, data: { from: request.status, to: resumed } });
  }
  await notifyAssignee(tx, request, input.body);
  return message!;
}
