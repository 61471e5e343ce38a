"use server";

import { redirect } from "next/navigation";
import { staffAction } from "@/lib/auth/staff-action";
import { isLocale } from "@/lib/i18n/locales";
import { routing } from "@/lib/i18n/routing";
import { referenceQuery } from "@/lib/requests/list-queue";
import { cleanSearchTerm, clearQueueSearch, rememberQueueSearch } from "@/lib/requests/staff/queue-search";

/**
 * The top bar's search (a form post, so it works before the script runs): a reference goes into
 * the queue's URL (an opaque number, shareable); an e-mail address or a name is kept server-side
 * (lib/requests/staff/queue-search.ts) and never appears in an address. Either way: the queue.
 */
export async function searchQueueAction(localeInput: string, formData: FormData): Promise<void> {
  const locale = isLocale(localeInput) ? localeInput : routing.defaultLocale;
  const term = cleanSearchTerm(formData.get("q"));
  const reference = referenceQuery(term);
  const result = await staffAction({
    name: "searchQueue",
    permission: "requests.read",
    run: async ({ staff }) => {
      await rememberQueueSearch(locale, staff.id, reference ? "" : term);
      return { ok: true as const };
    },
  });
  if (!result.ok) redirect(`/${locale}/staff/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/dashboard`)}`);
  redirect(`/${locale}/dashboard${reference ? `?q=${encodeURIComponent(reference)}` : ""}`);
}

/** "Clear search": forgets the kept term and shows the whole queue. */
export async function clearQueueSearchAction(localeInput: string): Promise<void> {
  const locale = isLocale(localeInput) ? localeInput : routing.defaultLocale;
  await clearQueueSearch(locale);
  redirect(`/${locale}/dashboard`);
}
