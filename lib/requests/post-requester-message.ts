import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requestMessages, requests } from "@/db/schema";
import { saveRequestFiles } from "@/lib/files/save-request-files";
import type { AcceptedUpload } from "@/lib/files/upload-rules";
import { hitRateLimits, publicActionLimits } from "@/lib/security/rate-limit";
import { isOpen, nextStatus } from "./lifecycle";
import { recordRequestChange } from "./record-request-change";
import { resolveStatusToken } from "./requester-access";
import { resumeClock } from "./staff/resume-clock";

export type PostMessageResult =
  | { ok: true }
  | { ok: false; error: "not_found" | "expired" | "closed" }
  | { ok: false; error: "rate_limited"; retryAfterMinutes: number };

/**
 * A message from the requester on the status page, with attachments. If staff were waiting for
 * the requester, the request goes back to "in progress" (and its clock resumes).
 */
export async function postRequesterMessage(
  db: Db,
  { token, body, attachments, ip }: { token: string; body: string; attachments: AcceptedUpload[]; ip: string },
  now = new Date(),
): Promise<PostMessageResult> {
  const access = await resolveStatusToken(db, token, now);
  if (!access.ok) return access;
  const limited = await hitRateLimits(db, publicActionLimits("message", { ip, subject: access.request.id, perSubjectFactor: 4 }), now);
  if (!limited.allowed) return { ok: false, error: "rate_limited", retryAfterMinutes: limited.retryAfterMinutes };

  return db.transaction(async (tx) => {
    const [request] = await tx.select().from(requests).where(eq(requests.id, access.request.id)).for("update");
    if (!request || !isOpen(request.status)) return { ok: false as const, error: "closed" as const };
    const actor = { type: "requester" as const, id: request.id };
    const [message] = await tx
      .insert(requestMessages)
      .values({ requestId: request.id, direction: "inbound", authorType: "requester", channel: "portal", body, createdAt: now })
      .returning();
    if (attachments.length > 0) {
      await saveRequestFiles(tx, { requestId: request.id, messageId: message!.id, purpose: "attachment", uploadedBy: "requester", files: attachments });
    }
    await recordRequestChange(tx, { requestId: request.id, kind: "message_received", actor, data: { messageId: message!.id, attachments: attachments.length } });
    const resumed = nextStatus(request.status, "requester_replied", "requester");
    if (resumed) {
      await resumeClock(tx, request, now, actor);
      await tx.update(requests).set({ status: resumed, statusChangedAt: now }).where(eq(requests.id, request.id));
      await recordRequestChange(tx, { requestId: request.id, kind: "status_changed", actor, data: { from: request.status, to: resumed } });
    }
    return { ok: true as const };
  });
}
