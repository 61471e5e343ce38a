import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { verificationChallenges, type Request } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import type { Locale } from "@/lib/env";
import { generateCode, generateToken, hashToken } from "@/lib/security/tokens";
import { confirmEmailUrl } from "./links";

export const CODE_TTL_MINUTES = 15;
export const CODE_MAX_ATTEMPTS = 5;

/**
 * Issues a fresh 6-digit code and one-click link for a request (older ones stop working) and
 * queues the email that carries them, in the caller's transaction.
 */
export async function issueVerificationChallenge(tx: Tx, request: Pick<Request, "id" | "locale" | "requesterEmail" | "requesterName">, now = new Date()) {
  await tx
    .update(verificationChallenges)
    .set({ supersededAt: now })
    .where(and(eq(verificationChallenges.requestId, request.id), isNull(verificationChallenges.supersededAt), isNull(verificationChallenges.consumedAt)));
  const code = generateCode();
  const linkToken = generateToken();
  await tx.insert(verificationChallenges).values({
    requestId: request.id,
    codeHash: hashToken(`${request.id}:${code}`),
    linkTokenHash: hashToken(linkToken),
    expiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000),
    createdAt: now,
  });
  const locale = request.locale as Locale;
  await enqueueEmail(tx, {
    requestId: request.id,
    template: "verification_code",
    locale,
    to: request.requesterEmail,
    variables: { name: request.requesterName, code, verifyUrl: confirmEmailUrl(locale, linkToken), minutes: CODE_TTL_MINUTES },
  });
}

/** Codes are hashed with their request id, so the same 6 digits on two requests differ. */
export function hashCode(requestId: string, code: string): string {
  return hashToken(`${requestId}:${code}`);
}
