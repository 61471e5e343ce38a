import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requests } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import type { Locale } from "@/lib/env";
import { getTranslator } from "@/lib/i18n/translator";
import { hitRateLimits, publicActionLimits } from "@/lib/security/rate-limit";
import { issueStatusLink } from "./complete-verification";
import { OPEN_STATUSES } from "./lifecycle";
import type { RequestType } from "./request-types";

export type SendLinksResult = { ok: true } | { ok: false; error: "rate_limited"; retryAfterMinutes: number };

/**
 * "I lost my link": emails fresh links to the open requests of an address. The answer is the
 * same whether or not there are any, and nothing is sent to an address with none.
 */
export async function sendStatusLinks(db: Db, { email, locale, ip }: { email: string; locale: Locale; ip: string }, now = new Date()): Promise<SendLinksResult> {
  const address = email.trim().toLowerCase();
  const limited = await hitRateLimits(db, publicActionLimits("links", { ip, subject: address }), now);
  if (!limited.allowed) return { ok: false, error: "rate_limited", retryAfterMinutes: limited.retryAfterMinutes };

  await db.transaction(async (tx) => {
    const open = await tx
      .select()
      .from(requests)
      .where(and(eq(requests.requesterEmail, address), inArray(requests.status, [...OPEN_STATUSES])))
      .orderBy(asc(requests.verifiedAt));
    if (open.length === 0) return;
    const t = await getTranslator(locale);
    const links = [];
    for (const request of open) {
      links.push({
        reference: request.reference ?? "",
        requestType: t(`requestTypes.${request.type as RequestType}.title`),
        statusUrl: await issueStatusLink(tx, { id: request.id, locale }, now),
      });
    }
    await enqueueEmail(tx, { template: "status_links", locale, to: address, variables: { name: open[0]!.requesterName, links } });
  });
  return { ok: true };
}
