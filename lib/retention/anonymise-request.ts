import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { files, fulfilmentHttpCalls, fulfilmentRuns, fulfilmentRunSources, inboundEmails, outboxEmails, requestAccessTokens, requestEvents, requestMessages, requests, verificationChallenges } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { fileStorageFor, isFileStorageKind, type FileStorage, type FileStorageKind } from "@/lib/files/storage";
import { CLOSED_STATUSES } from "@/lib/requests/lifecycle";
import { recordRequestChange } from "@/lib/requests/record-request-change";
import { FREE_TEXT_EVENT_KEYS, isTimelineKind, type TimelineEventData } from "@/lib/requests/timeline-events";

/** Stands in for removed text in columns that may not be empty or null. */
export const ANONYMISED_TEXT = "—";

/** A unique address that can never receive mail (.invalid is reserved, RFC 2606). */
export function anonymisedEmail(requestId: string): string {
  return `anonymised+${requestId}@invalid`;
}

export type AnonymisedCounts = TimelineEventData["anonymised"];

/**
 * Removes one closed request's personal data inside the caller's transaction, or does nothing
 * (returns null) when the request no longer qualifies: open, closed at or after the cutoff, on
 * legal hold, already anonymised, or locked by someone else right now (the next run retries).
 *
 * Removed: contact details, what they asked (details), free text (outcome note, extension
 * reason, messages, e-mail bodies and addresses, free text in timeline events), file bytes
 * and names, status-page links and verification codes, the reply-to token, calls to HTTP endpoints. Kept: type, dates,
 * status, denial reason code, deadline data, the timeline's shape, and the audit trail, which is
 * append-only and holds hashes, ids and codes.
 */
export async function anonymiseRequest(
  tx: Tx,
  { requestId, closedBefore, now, storageFor = fileStorageFor }: { requestId: string; closedBefore: Date; now: Date; storageFor?: (kind: FileStorageKind) => FileStorage },
): Promise<AnonymisedCounts | null> {
  const [request] = await tx
    .select()
    .from(requests)
    .where(
      and(
        eq(requests.id, requestId),
        inArray(requests.status, [...CLOSED_STATUSES]),
        lt(requests.closedAt, closedBefore),
        eq(requests.legalHold, false),
        isNull(requests.anonymisedAt),
      ),
    )
    .for("update", { skipLocked: true });
  if (!request) return null;

  // Bytes first: database storage joins this transaction; disk cannot, so a later failure leaves
  // the bytes gone but the rows as they were, and the next run finishes the job (deleting a
  // missing key is not an error).
  const stored = await tx.select({ id: files.id, storage: files.storage, storageKey: files.storageKey }).from(files).where(eq(files.requestId, request.id));
  for (const file of stored) {
    if (!isFileStorageKind(file.storage)) throw new Error(`file ${file.id} is in unknown storage "${file.storage}"`);
    await storageFor(file.storage).delete(file.storageKey, tx);
  }
  await tx
    .update(files)
    .set({ filename: ANONYMISED_TEXT, deletedAt: sql`coalesce(${files.deletedAt}, ${now.toISOString()}::timestamptz)` })
    .where(eq(files.requestId, request.id));

  const messages = await tx.update(requestMessages).set({ body: "" }).where(eq(requestMessages.requestId, request.id)).returning({ id: requestMessages.id });

  // The request's e-mails and any later copies of them (stored as duplicates, without a request).
  const ownEmails = await tx.select({ id: inboundEmails.id }).from(inboundEmails).where(eq(inboundEmails.requestId, request.id));
  const ownIds = ownEmails.map((e) => e.id);
  let inboundCount = 0;
  if (ownIds.length > 0) {
    const cleared = await tx
      .update(inboundEmails)
      .set({
        raw: Buffer.alloc(0),
        rawSize: 0,
        fromAddress: null,
        fromName: null,
        toAddresses: [],
        subject: null,
        textBody: null,
        visibleText: null,
        htmlSanitized: null,
        bounce: null,
        error: null,
        resolutionNote: null,
      })
      .where(or(inArray(inboundEmails.id, ownIds), inArray(inboundEmails.duplicateOfId, ownIds)))
      .returning({ id: inboundEmails.id });
    inboundCount = cleared.length;
  }

  const outbox = await tx
    .update(outboxEmails)
    .set({
      toAddress: "",
      replyTo: null,
      subject: "",
      textBody: "",
      htmlBody: "",
      headers: {},
      lastError: null,
      bounceDetail: null,
      // Nothing may go out any more without an address; what was sent stays "sent".
      status: sql`case when ${outboxEmails.status} = 'pending' then 'failed' else ${outboxEmails.status} end`,
    })
    .where(eq(outboxEmails.requestId, request.id))
    .returning({ id: outboxEmails.id });

  const tokens = await tx.delete(requestAccessTokens).where(eq(requestAccessTokens.requestId, request.id)).returning({ id: requestAccessTokens.id });
  const challenges = await tx.delete(verificationChallenges).where(eq(verificationChallenges.requestId, request.id)).returning({ id: verificationChallenges.id });
  // Calls to the operator's HTTP endpoints keep the identities they sent (sealed): gone too. The
  // timeline's call events (counts, codes) stay.
  await tx.delete(fulfilmentHttpCalls).where(eq(fulfilmentHttpCalls.requestId, request.id));
  // So do the rows an access run collected (sealed, kept to build the package); its counts stay.
  await tx
    .update(fulfilmentRunSources)
    .set({ payloadSealed: null })
    .where(inArray(fulfilmentRunSources.runId, tx.select({ id: fulfilmentRuns.id }).from(fulfilmentRuns).where(eq(fulfilmentRuns.requestId, request.id))));

  const events = await tx
    .select({ id: requestEvents.id, kind: requestEvents.kind, data: requestEvents.data })
    .from(requestEvents)
    .where(and(eq(requestEvents.requestId, request.id), inArray(requestEvents.kind, Object.keys(FREE_TEXT_EVENT_KEYS))));
  for (const event of events) {
    const data = { ...event.data };
    // Free-text keys of the event's kind (lib/requests/timeline-events.ts).
    const keys: readonly string[] = isTimelineKind(event.kind) ? (FREE_TEXT_EVENT_KEYS[event.kind] ?? []) : [];
    for (const key of keys) delete data[key];
    await tx.update(requestEvents).set({ data }).where(eq(requestEvents.id, event.id));
  }

  await tx
    .update(requests)
    .set({
      requesterName: ANONYMISED_TEXT,
      requesterEmail: anonymisedEmail(request.id),
      requesterPhone: null,
      representativeRelation: null,
      subjectName: null,
      details: {},
      outcomeNote: null,
      extensionReason: null,
      // Mail quoting the old reply address now lands with the unmatched mail, not here.
      replyToken: null,
      anonymisedAt: now,
    })
    .where(eq(requests.id, request.id));

  const counts: AnonymisedCounts = {
    messages: messages.length,
    files: stored.length,
    inboundEmails: inboundCount,
    outboxEmails: outbox.length,
    accessTokens: tokens.length,
    verificationChallenges: challenges.length,
    events: events.length,
  };
  // Counts only: the audit trail must not receive what was just removed.
  await recordRequestChange(tx, { requestId: request.id, kind: "anonymised", actor: SYSTEM_ACTOR, data: counts, visibleToRequester: false });
  return counts;
}
