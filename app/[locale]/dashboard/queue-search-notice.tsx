import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/button-link";
import type { Locale } from "@/lib/i18n/locales";
import { clearQueueSearchAction } from "./search-actions";

/** Above the queue while a search is on: what is searched for, and "clear search" (a post). */
export async function QueueSearchNotice({ locale, term }: { locale: Locale; term: string }) {
  const t = await getTranslations({ locale, namespace: "shell.search" });
  return (
    <form action={clearQueueSearchAction.bind(null, locale)} method="post" className="mt-4 flex min-w-0 flex-wrap items-center gap-3 rounded-lg border border-brand-100 bg-brand-50 px-4 py-2 text-sm">
      <p className="min-w-0 break-words" data-testid="queue-search-term">
        {t("results", { term })}
      </p>
      <button type="submit" className={buttonClasses("secondary")}>
        {t("clear")}
      </button>
    </form>
  );
}
