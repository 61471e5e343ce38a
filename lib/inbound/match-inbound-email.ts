import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { inboundEmails, outboxEmails, requests, type MatchMethod, type Request, type UnmatchedReason } from "@/db/schema";
import { isSenderVerified } from "./authentication-results";
import type { ParsedInboundEmail } from "./parsed-email";
import { findReplyToken, findRequestByReplyToken } from "@/lib/requests/reply-token";

export type InboundMatch = { request: Request; matchedBy: MatchMethod };
/** No match, and why a rule that would have matched did not (null: nothing pointed at a request). */
export type InboundNoMatch = { request: null; unmatchedReason: UnmatchedReason | null };

export type MatchSettings = {
  supportEmail: string;
  /** Authentication-Results authserv-ids of our own mail server (INBOUND_TRUSTED_AUTHSERV_ID). */
  trustedAuthservIds: readonly string[];
};

/** DSR-2026-000123 anywhere in a subject. */
const REFERENCE_IN_SUBJECT = /\bDSR-\d{4}-\d{6}\b/i;

/** The request an e-mail of ours (outbound) or of theirs (inbound, already matched) belongs to. */
async function requestOfThread(db: Executor, ids: readonly string[]): Promise<Request | null> {
  // Newest first: In-Reply-To, then References from the latest back.
  for (const id of ids) {
    const [outbound] = await db
      .select({ request: requests })
      .from(outboxEmails)
      .innerJoin(requests, eq(requests.id, outboxEmails.requestId))
      .where(eq(outboxEmails.messageId, id));
    if (outbound) return outbound.request;
    const [inbound] = await db
      .select({ request: requests })
      .from(inboundEmails)
      .innerJoin(requests, eq(requests.id, inboundEmails.requestId))
      .where(and(eq(inboundEmails.messageId, id), isNull(inboundEmails.duplicateOfId)));
    if (inbound) return inbound.request;
  }
  return null;
}

/**
 * Ties an inbound e-mail to its request, most certain first: the reply token in any recipient
 * address, then the thread (In-Reply-To, References) — both carry secrets we made (random
 * tokens, random Message-IDs) — then the reference in the subject. References are sequential and
 * anyone can write one into a subject and forge a From line, so the last needs both: the sender
 * is the request's verified requester, and our own mail server's Authentication-Results (a
 * trusted authserv-id) show DMARC or DKIM passing for the From domain. Without that proof the
 * message waits for a person, marked "sender not verified".
 */
export async function matchInboundEmail(db: Executor, parsed: ParsedInboundEmail, settings: MatchSettings): Promise<InboundMatch | InboundNoMatch> {
  const match = await findMatch(db, parsed, settings);
  // An anonymised request keeps no correspondence: new mail about it waits for a person instead.
  if (match.request?.anonymisedAt) return { request: null, unmatchedReason: null };
  return match;
}

async function findMatch(db: Executor, parsed: ParsedInboundEmail, { supportEmail, trustedAuthservIds }: MatchSettings): Promise<InboundMatch | InboundNoMatch> {
  const token = findReplyToken(parsed.recipients, supportEmail);
  if (token) {
    const request = await findRequestByReplyToken(db, token);
    if (request) return { request, matchedBy: "reply_token" };
  }

  const threadIds = [...(parsed.inReplyTo ? [parsed.inReplyTo] : []), ...[...parsed.references].reverse()];
  if (threadIds.length > 0) {
    const request = await requestOfThread(db, [...new Set(threadIds)]);
    if (request) return { request, matchedBy: "thread" };
  }

  const reference = parsed.subject?.match(REFERENCE_IN_SUBJECT)?.[0]?.toUpperCase();
  const sender = parsed.from?.address.toLowerCase();
  if (reference && sender) {
    const [request] = await db
      .select()
      .from(requests)
      .where(and(eq(requests.reference, reference), isNotNull(requests.verifiedAt)));
    if (request && request.requesterEmail.toLowerCase() === sender) {
      if (isSenderVerified(parsed.authenticationResults, trustedAuthservIds, sender)) return { request, matchedBy: "subject" };
      return { request: null, unmatchedReason: "sender_not_verified" };
    }
  }
  return { request: null, unmatchedReason: null };
}

/** The outbox e-mail a delivery-status report is about, by the Message-ID we gave it. */
export async function findBouncedEmail(db: Executor, originalMessageId: string | null) {
  if (!originalMessageId) return null;
  const [email] = await db.select().from(outboxEmails).where(eq(outboxEmails.messageId, originalMessageId));
  return email ?? null;
}
