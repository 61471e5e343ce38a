import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requests } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { renderEmail } from "@/lib/email/render-email";
import type { Locale } from "@/lib/i18n/locales";
import { getTranslator } from "@/lib/i18n/translator";
import { errorMessage, log } from "@/lib/log";
import { hitRateLimits, publicActionLimits } from "@/lib/security/rate-limit";
import { generateToken } from "@/lib/security/tokens";
import { issueStatusLink } from "./complete-verification";
import { OPEN_STATUSES } from "./lifecycle";
import { statusPageUrl } from "./links";

export type SendLinksResult = { ok: true } | { ok: false; error: "rate_limited"; retryAfterMinutes: number };

/** At most this many link e-mails go to one address a day, however many people ask for them. */
export const STATUS_LINK_MAILS_PER_DAY = 3;

/** Runs work after the answer has gone out (the server action passes next/server's after()). */
export type Defer = (work: () => Promise<void>) => void;

/**
 * "I lost my link": emails fresh links to the open requests of an address. The answer is the
 * same whether or not there are any, and nothing is sent to an address with none. Only the rate
 * limits (the same for every address) run before the answer; the per-address work is deferred,
 * so known and unknown addresses take the same time to answer. With no `defer` (tests, scripts)
 * the work runs before returning.
 */
export async function sendStatusLinks(db: Db, { email, locale, ip }: { email: string; locale: Locale; ip: string }, now = new Date(), defer?: Defer): Promise<SendLinksResult> {
  const address = email.trim().toLowerCase();
  const limited = await hitRateLimits(db, publicActionLimits("links", { ip, subject: address }), now);
  if (!limited.allowed) return { ok: false, error: "rate_limited", retryAfterMinutes: limited.retryAfterMinutes };
  const work = () => mailStatusLinks(db, { address, locale }, now);
  if (defer) defer(() => work().catch((error: unknown) => log.error(`status links not sent: ${errorMessage(error)}`)));
  else await work();
  return { ok: true };
}

async function mailStatusLinks(db: Db, { address, locale }: { address: string; locale: Locale }, now: Date): Promise<void> {
  const open = await db
    .select({ id: requests.id, reference: requests.reference, type: requests.type, requesterName: requests.requesterName })
    .from(requests)
    .where(and(eq(requests.requesterEmail, address), inArray(requests.status, [...OPEN_STATUSES])))
    .orderBy(asc(requests.verifiedAt));
  if (open.length === 0) return;
  // Links and the e-mail are made before the transaction, which then only stores them.
  const t = await getTranslator(locale);
  const tokens = open.map(() => generateToken());
  const rendered = await renderEmail("status_links", locale, {
    name: open[0]!.requesterName,
    links: open.map((request, i) => ({
      reference: request.reference ?? "",
      requestType: t(`requestTypes.${request.type}.title`),
      statusUrl: statusPageUrl(locale, tokens[i]!),
    })),
  });
  await db.transaction(async (tx) => {
    // So the page cannot be used to flood someone's mailbox.
    const perDay = await hitRateLimits(tx, [{ key: `links-mail:${address}`, limit: STATUS_LINK_MAILS_PER_DAY, windowMinutes: 24 * 60 }], now);
    if (!perDay.allowed) return;
    for (const [i, request] of open.entries()) await issueStatusLink(tx, { id: request.id, locale }, now, tokens[i]);
    await enqueueEmail(tx, { template: "status_links", locale, to: address, rendered });
  });
}
