import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requests } from "@/db/schema";
import { transactionWithStagedFiles } from "@/lib/files/staged-files";
import type { AcceptedUpload } from "@/lib/files/upload-rules";
import { hitRateLimits, publicActionLimits } from "@/lib/security/rate-limit";
import { acceptsRequesterMessages } from "./lifecycle";
import { receiveRequesterMessage } from "./receive-requester-message";
import { resolveStatusToken } from "./requester-access";

export type PostMessageResult =
  | { ok: true }
  | { ok: false; error: "not_found" | "expired" | "closed" }
  | { ok: false; error: "rate_limited"; retryAfterMinutes: number };

/**
 * A message from the requester on the status page, with attachments. If staff were waiting for
 * the requester, the request goes back to "in progress" (and its clock resumes). After a denial
 * the thread stays open for the requester to disagree (acceptsRequesterMessages).
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

  // The attachments' bytes are written before the transaction opens (and removed if it is refused).
  return transactionWithStagedFiles(db, attachments, async (tx, staged) => {
    const [request] = await tx.select().from(requests).where(eq(requests.id, access.request.id)).for("update");
    if (!request || !acceptsRequesterMessages(request.status)) return { ok: false as const, error: "closed" as const };
    await receiveRequesterMessage(tx, request, { body, channel: "portal", attachments: staged, actor: { type: "requester", id: request.id }, now });
    return { ok: true as const };
  });
}
