import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { REQUEST_TYPE_REGISTRY } from "./types";
import type { Tx } from "@/db/client";
import { requestAccessTokens, requests, type Request } from "@/db/schema";
import { rowsOf } from "@/lib/audit/record-audit-event";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { getEnv } from "@/lib/env";
import { formatDateTime, getTranslator } from "@/lib/i18n/translator";
import { generateToken, hashToken } from "@/lib/security/tokens";
import { calculateDueAt } from "./deadlines/deadline-repository";
import { applyTransition, OPEN_STATUSES } from "./lifecycle";
import { statusPageUrl } from "./links";
import { queueSecureAccountCalls } from "@/lib/fulfilment/http/secure-account-calls";
import { recordRequestChange } from "./record-request-change";

export const STATUS_LINK_TTL_DAYS = 365;

/** DSR-2026-000123: the year the request was verified (operator's time zone) and a running number. */
export function formatReference(year: number, number: number): string {
  return `DSR-${year}-${String(number).padStart(6, "0")}`;
}

/** Issues a new private status link for a request (a token made earlier, or a new one); only its hash is stored. */
export async function issueStatusLink(tx: Tx, request: Pick<Request, "id" | "locale">, now = new Date(), token = generateToken()): Promise<string> {
  await tx.insert(requestAccessTokens).values({
    requestId: request.id,
    tokenHash: hashToken(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + STATUS_LINK_TTL_DAYS * 86_400_000),
  });
  return statusPageUrl(request.locale, token);
}

/**
 * The address is proven: the request gets its reference and due date, reaches the staff queue,
 * is linked to an open duplicate if there is one, and the requester gets the acknowledgement.
 */
export async function completeVerification(tx: Tx, request: Request, now = new Date()): Promise<{ statusUrl: string }> {
  const env = getEnv();
  const status = applyTransition(request.status, "verify", "requester");
  const year = Number(new Intl.DateTimeFormat("en", { year: "numeric", timeZone: env.OPERATOR_TIME_ZONE }).format(now));
  const [{ n }] = rowsOf<{ n: string }>(await tx.execute(sql`select nextval('request_reference_seq')::text as n`)) as [{ n: string }];
  const reference = formatReference(year, Number(n));
  const deadline = await calculateDueAt(tx, {
    jurisdiction: request.jurisdiction,
    requestType: request.type,
    startedAt: now,
    // CCPA counts from receipt, whatever time verification took (11 CCR §7021(b)).
    eventTimes: { received: request.createdAt, verified: now },
    timeZone: env.OPERATOR_TIME_ZONE,
    fallbackJurisdiction: env.DEFAULT_JURISDICTION,
  });
  const [duplicate] = await tx
    .select({ id: requests.id, reference: requests.reference })
    .from(requests)
    .where(
      and(
        eq(requests.requesterEmail, request.requesterEmail),
        eq(requests.type, request.type),
        inArray(requests.status, [...OPEN_STATUSES]),
        ne(requests.id, request.id),
      ),
    )
    .orderBy(requests.verifiedAt)
    .limit(1);
  const { urgent } = REQUEST_TYPE_REGISTRY[request.type];

  const [updated] = await tx
    .update(requests)
    .set({
      status,
      reference,
      verifiedAt: now,
      statusChangedAt: now,
      dueAt: deadline?.dueAt ?? null,
      deadlineRuleId: deadline?.ruleId ?? null,
      urgent,
      duplicateOfId: duplicate?.id ?? null,
    })
    .where(eq(requests.id, request.id))
    .returning();

  const actor = { type: "requester" as const, id: request.id };
  await recordRequestChange(tx, {
    requestId: request.id,
    kind: "verified",
    actor,
    data: { reference, status, dueAt: deadline?.dueAt.toISOString() ?? null, ruleId: deadline?.ruleId ?? null, urgent },
  });
  // "Tell us immediately" made real: the operator's systems are asked to secure the account now.
  await queueSecureAccountCalls(tx, updated!, now);
  if (duplicate) {
    await recordRequestChange(tx, {
      requestId: request.id,
      kind: "duplicate_linked",
      actor: { type: "system", id: "privacy-desk" },
      data: { duplicateOf: duplicate.id, duplicateOfReference: duplicate.reference },
      visibleToRequester: false,
    });
  }

  const statusUrl = await issueStatusLink(tx, updated!, now);
  const locale = request.locale;
  const t = await getTranslator(locale);
  await enqueueEmail(tx, {
    requestId: request.id,
    template: "acknowledgement",
    locale,
    to: request.requesterEmail,
    replyToRequest: true,
    variables: {
      name: request.requesterName,
      reference,
      requestType: t(`requestTypes.${request.type}.title`),
      dueDate: deadline ? formatDateTime(deadline.dueAt, locale, env.OPERATOR_TIME_ZONE) : "—",
      statusUrl,
    },
  });
  return { statusUrl };
}
