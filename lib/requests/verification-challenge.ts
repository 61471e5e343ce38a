import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { rowInsert } from "@/db/run-statement";
import { verificationChallenges, type Request } from "@/db/schema";
import { outboxEmails } from "@/db/schema";
import { enqueueEmail, outboxEmailRow, type EnqueueEmailInput } from "@/lib/email/enqueue-email";
import { renderEmail, type RenderedEmail } from "@/lib/email/render-email";
import { generateCode, generateToken, hashToken } from "@/lib/security/tokens";
import { confirmEmailUrl } from "./links";

export const CODE_TTL_MINUTES = 15;
export const CODE_MAX_ATTEMPTS = 5;

type ChallengeFor = Pick<Request, "id" | "locale" | "requesterEmail" | "requesterName">;

/** A code, a link and the email carrying them, made before the transaction that stores them. */
export type PreparedChallenge = {
  request: ChallengeFor;
  codeHash: string;
  linkTokenHash: string;
  email: RenderedEmail;
  createdAt: Date;
};

/**
 * A fresh 6-digit code and one-click link, and the email that carries them, rendered here —
 * outside any transaction, so the one that stores them does no rendering.
 */
export async function prepareVerificationChallenge(request: ChallengeFor, now = new Date()): Promise<PreparedChallenge> {
  const code = generateCode();
  const linkToken = generateToken();
  const locale = request.locale;
  const email = await renderEmail("verification_code", locale, {
    name: request.requesterName,
    code,
    verifyUrl: confirmEmailUrl(locale, linkToken),
    minutes: CODE_TTL_MINUTES,
  });
  return { request, codeHash: hashCode(request.id, code), linkTokenHash: hashToken(linkToken), email, createdAt: now };
}

/**
 * Stores a new code and link for a request (older ones stop working) and queues the email that
 * carries them, in the caller's transaction. The code and the e-mail are written side by side: on
 * PostgreSQL both travel in one round trip. A new request's first code goes out with the request
 * itself (firstChallengeRows).
 */
export async function issueVerificationChallenge(tx: Tx, challenge: PreparedChallenge) {
  const { request, createdAt } = challenge;
  await tx
    .update(verificationChallenges)
    .set({ supersededAt: createdAt })
    .where(and(eq(verificationChallenges.requestId, request.id), isNull(verificationChallenges.supersededAt), isNull(verificationChallenges.consumedAt)));
  await Promise.all([
    tx
      .insert(verificationChallenges)
      .values(challengeRow(challenge).values)
      // Prepared: see PREPARED_WRITES in db/client.ts.
      .prepare("verification_challenge")
      .execute(),
    enqueueEmail(tx, challengeEmail(challenge)),
  ]);
}

function challengeRow({ request, codeHash, linkTokenHash, createdAt }: PreparedChallenge) {
  return rowInsert(verificationChallenges, { requestId: request.id, codeHash, linkTokenHash, expiresAt: new Date(createdAt.getTime() + CODE_TTL_MINUTES * 60_000), createdAt });
}

function challengeEmail({ request, email }: PreparedChallenge): EnqueueEmailInput<"verification_code"> {
  return { requestId: request.id, template: "verification_code", locale: request.locale, to: request.requesterEmail, rendered: email };
}

/**
 * The first challenge of a request, inserted in the same statement as the request (fileRequest's):
 * the code's and the e-mail's rows, to be sent with it.
 */
export function firstChallengeRows(challenge: PreparedChallenge) {
  return [challengeRow(challenge), rowInsert(outboxEmails, outboxEmailRow(challengeEmail(challenge), challenge.email, null))] as const;
}

/** Codes are hashed with their request id, so the same 6 digits on two requests differ. */
export function hashCode(requestId: string, code: string): string {
  return hashToken(`${requestId}:${code}`);
}
