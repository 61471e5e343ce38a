import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { QUEUE_SEARCH_MAX_LENGTH } from "@/lib/requests/staff/queue-search";
import { searchQueueAction } from "../search-actions";
import { FocusOnSlash } from "./focus-on-slash";

const INPUT_ID = "queue-search";

/**
 * The top bar's search (reference, e-mail or name). It posts (works before the script runs) and
 * the term never enters a URL (search-actions.ts); the kept term is shown back in the field.
 */
export async function SearchBox({ locale, term }: { locale: Locale; term: string | undefined }) {
  const t = await getTranslations({ locale, namespace: "shell.search" });
  return (
    <form action={searchQueueAction.bind(null, locale)} method="post" role="search" aria-label={t("landmark")} className="flex min-w-0 flex-1 items-center gap-2">
      <label htmlFor={INPUT_ID} className="sr-only">
        {t("label")}
      </label>
      <div className="relative min-w-0 flex-1">
        <input
          id={INPUT_ID}
          name="q"
          type="search"
          defaultValue={term ?? ""}
          maxLength={QUEUE_SEARCH_MAX_LENGTH}
          autoComplete="off"
          aria-keyshortcuts="/"
          placeholder={t("label")}
          className="block min-h-10 w-full min-w-0 rounded-md border border-slate-400 bg-white py-1 pl-3 pr-8 text-sm placeholder:text-slate-600"
        />
        <kbd aria-hidden="true" title={t("shortcut")} className="pointer-events-none absolute right-2 top-1/2 hidden -translate-y-1/2 rounded border border-slate-300 px-1.5 text-xs text-slate-600 sm:block">
          /
        </kbd>
      </div>
      <button type="submit" className="min-h-10 shrink-0 rounded-md bg-brand-700 px-3 text-sm font-semibold text-white hover:bg-brand-800">
        {t("submit")}
      </button>
      <FocusOnSlash inputId={INPUT_ID} />
    </form>
  );
}
