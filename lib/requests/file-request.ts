import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { insertsAsOneStatement, rowInsert, runStatement, runStatementIn } from "@/db/run-statement";
import { requests } from "@/db/schema";
import { recordStagedFiles, transactionWithStagedFiles } from "@/lib/files/staged-files";
import type { AcceptedUpload } from "@/lib/files/upload-rules";
import { getEnv } from "@/lib/env";
import { type Locale } from "@/lib/i18n/locales";
import { hitRateLimits, publicActionLimits, type RateLimitResult } from "@/lib/security/rate-limit";
import { storedDetailsOf, type RequestForm } from "./types";
import { requestChangeRows } from "./record-request-change";
import { firstChallengeRows, prepareVerificationChallenge } from "./verification-challenge";

export const UNVERIFIED_TTL_DAYS = 14;

export type FileRequestInput = {
  form: RequestForm;
  locale: Locale;
  ip: string;
  proofOfAuthority: AcceptedUpload[];
  supportingDocuments: AcceptedUpload[];
  /** The honeypot field's value: anything in it means a bot. */
  honeypot: string;
};

export type FileRequestResult = { ok: true; requestId: string } | { ok: false; error: "rate_limited"; retryAfterMinutes: number };

/**
 * Files a new, unverified request and sends the verification code. Staff never see it until the
 * address is verified. A bot that filled the honeypot gets the same answer and nothing is stored.
 */
export async function fileRequest(db: Db, input: FileRequestInput, now = new Date()): Promise<FileRequestResult> {
  const { form } = input;
  const limited: RateLimitResult = await hitRateLimits(db, publicActionLimits("file-request", { ip: input.ip, subject: form.email }), now);
  if (!limited.allowed) return { ok: false, error: "rate_limited", retryAfterMinutes: limited.retryAfterMinutes };
  if (input.honeypot.trim() !== "") return { ok: true, requestId: randomUUID() };

  // Everything that takes CPU but no data is done before any statement: the verification e-mail
  // is rendered here, for a request id chosen here.
  const requestId = randomUUID();
  const requesterEmail = form.email.toLowerCase();
  const challenge = await prepareVerificationChallenge({ id: requestId, locale: input.locale, requesterEmail, requesterName: form.name }, now);
  const uploads = [...input.proofOfAuthority, ...input.supportingDocuments];

  // The request and the rows that hang off it — its timeline event and audit row, its code and the
  // e-mail carrying it — as one statement: without files it is the submission's whole transaction,
  // one round trip on PostgreSQL instead of BEGIN, the INSERTs and COMMIT.
  const submission = insertsAsOneStatement(
    rowInsert(requests, {
      id: requestId,
      type: form.type,
      status: "unverified",
      locale: input.locale,
      jurisdiction: form.jurisdiction === "OTHER" ? getEnv().DEFAULT_JURISDICTION : form.jurisdiction,
      requesterName: form.name,
      requesterEmail,
      requesterPhone: form.phone || null,
      onBehalf: form.onBehalf,
      representativeRelation: form.onBehalf ? (form.representativeRelation ?? null) : null,
      subjectName: form.onBehalf ? form.subjectName || null : null,
      details: { ...storedDetailsOf(form), chosenJurisdiction: form.jurisdiction },
      consentAt: now,
      createdAt: now,
      statusChangedAt: now,
      verifyBy: new Date(now.getTime() + UNVERIFIED_TTL_DAYS * 86_400_000),
    }),
    ...requestChangeRows({ requestId, kind: "submitted", actor: { type: "requester", id: requestId }, data: { type: form.type, files: uploads.length } }),
    ...firstChallengeRows(challenge),
  );
  if (uploads.length === 0) {
    await runStatement(db, submission);
    return { ok: true, requestId };
  }
  // With files, their bytes are written before the transaction opens (and removed if it fails).
  return transactionWithStagedFiles(db, uploads, async (tx, staged) => {
    await runStatementIn(tx, submission);
    const proofCount = input.proofOfAuthority.length;
    await recordStagedFiles(tx, { requestId, purpose: "proof_of_authority", uploadedBy: "requester", files: staged.slice(0, proofCount) });
    await recordStagedFiles(tx, { requestId, purpose: "supporting_document", uploadedBy: "requester", files: staged.slice(proofCount) });
    return { ok: true as const, requestId };
  });
}
