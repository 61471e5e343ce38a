import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requests, verificationChallenges } from "@/db/schema";
import { hitRateLimits, publicActionLimits } from "@/lib/security/rate-limit";
import { hashesEqual, hashToken, looksLikeToken } from "@/lib/security/tokens";
import { completeVerification } from "./complete-verification";
import { CODE_MAX_ATTEMPTS, hashCode, issueVerificationChallenge, prepareVerificationChallenge } from "./verification-challenge";
import { isUuid } from "@/lib/text/uuid";

export type VerifyResult =
  | { ok: true; statusUrl: string }
  | { ok: false; error: "invalid"; attemptsLeft: number }
  | { ok: false; error: "expired" | "locked" | "invalid_link" }
  | { ok: false; error: "rate_limited"; retryAfterMinutes: number };


/**
 * Checks a 6-digit code. An unknown request, an already verified one and a wrong code all get
 * the same "invalid" answer, so the page reveals nothing about who filed what.
 */
export async function verifyRequestByCode(db: Db, { requestId, code, ip }: { requestId: string; code: string; ip: string }, now = new Date()): Promise<VerifyResult> {
  // Codes have their own limit of 5 tries; this only stops one address guessing across many requests.
  const limited = await hitRateLimits(db, publicActionLimits("verify", { ip, perIpFactor: 3 }), now);
  if (!limited.allowed) return { ok: false, error: "rate_limited", retryAfterMinutes: limited.retryAfterMinutes };
  if (!isUuid(requestId)) return { ok: false, error: "invalid", attemptsLeft: CODE_MAX_ATTEMPTS - 1 };

  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ request: requests, challenge: verificationChallenges })
      .from(verificationChallenges)
      .innerJoin(requests, eq(requests.id, verificationChallenges.requestId))
      .where(and(eq(verificationChallenges.requestId, requestId), isNull(verificationChallenges.supersededAt)))
      .orderBy(desc(verificationChallenges.createdAt))
      .limit(1)
      .for("update");
    if (!row || row.request.status !== "unverified" || row.challenge.consumedAt) {
      return { ok: false as const, error: "invalid" as const, attemptsLeft: CODE_MAX_ATTEMPTS - 1 };
    }
    const { challenge, request } = row;
    if (challenge.attempts >= CODE_MAX_ATTEMPTS) return { ok: false as const, error: "locked" as const };
    if (challenge.expiresAt <= now || request.verifyBy <= now) return { ok: false as const, error: "expired" as const };
    if (!hashesEqual(challenge.codeHash, hashCode(request.id, code))) {
      const attempts = challenge.attempts + 1;
      await tx.update(verificationChallenges).set({ attempts }).where(eq(verificationChallenges.id, challenge.id));
      return attempts >= CODE_MAX_ATTEMPTS
        ? { ok: false as const, error: "locked" as const }
        : { ok: false as const, error: "invalid" as const, attemptsLeft: CODE_MAX_ATTEMPTS - attempts };
    }
    await tx.update(verificationChallenges).set({ consumedAt: now }).where(eq(verificationChallenges.id, challenge.id));
    const { statusUrl } = await completeVerification(tx, request, now);
    return { ok: true as const, statusUrl };
  });
}

/** The one-click link from the email: same effect as the code, same 15-minute life. */
export async function verifyRequestByLink(db: Db, { linkToken }: { linkToken: string }, now = new Date()): Promise<VerifyResult> {
  if (!looksLikeToken(linkToken)) return { ok: false, error: "invalid_link" };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ request: requests, challenge: verificationChallenges })
      .from(verificationChallenges)
      .innerJoin(requests, eq(requests.id, verificationChallenges.requestId))
      .where(eq(verificationChallenges.linkTokenHash, hashToken(linkToken)))
      .limit(1)
      .for("update");
    if (!row || row.challenge.consumedAt || row.challenge.supersededAt || row.request.status !== "unverified") {
      return { ok: false as const, error: "invalid_link" as const };
    }
    if (row.challenge.expiresAt <= now || row.request.verifyBy <= now) return { ok: false as const, error: "expired" as const };
    if (row.challenge.attempts >= CODE_MAX_ATTEMPTS) return { ok: false as const, error: "locked" as const };
    await tx.update(verificationChallenges).set({ consumedAt: now }).where(eq(verificationChallenges.id, row.challenge.id));
    const { statusUrl } = await completeVerification(tx, row.request, now);
    return { ok: true as const, statusUrl };
  });
}

export type ResendResult = { ok: true } | { ok: false; error: "rate_limited"; retryAfterMinutes: number };

/** Sends a new code when the old one expired or was locked. The same answer whether or not the request exists. */
export async function resendVerificationCode(db: Db, { requestId, ip }: { requestId: string; ip: string }, now = new Date()): Promise<ResendResult> {
  const limited = await hitRateLimits(db, publicActionLimits("resend", { ip, subject: requestId }), now);
  if (!limited.allowed) return { ok: false, error: "rate_limited", retryAfterMinutes: limited.retryAfterMinutes };
  if (!isUuid(requestId)) return { ok: true };
  // Read and render first; the transaction then only checks again under its lock and writes.
  const [found] = await db.select().from(requests).where(eq(requests.id, requestId)).limit(1);
  if (!found || found.status !== "unverified" || found.verifyBy <= now) return { ok: true };
  const challenge = await prepareVerificationChallenge(found, now);
  await db.transaction(async (tx) => {
    const [request] = await tx.select({ status: requests.status, verifyBy: requests.verifyBy }).from(requests).where(eq(requests.id, requestId)).limit(1).for("update");
    if (!request || request.status !== "unverified" || request.verifyBy <= now) return;
    await issueVerificationChallenge(tx, challenge);
  });
  return { ok: true };
}
