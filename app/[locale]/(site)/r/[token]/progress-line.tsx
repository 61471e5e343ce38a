import { getPageTranslations } from "@/lib/i18n/page-translations";
import type { RequestStatus } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { progressLine } from "@/lib/requests/status-page-facts";

/** received → verified → in progress → answered; the current step carries aria-current="step". */
export async function ProgressLine({ locale, status }: { locale: Locale; status: RequestStatus }) {
  const t = await getPageTranslations({ locale, namespace: "status" });
  const items = progressLine(status);
  return (
    <section aria-labelledby="progress-title" className="mt-6 max-w-3xl print:hidden">
      <h2 id="progress-title" className="sr-only">
        {t("progress.label")}
      </h2>
      <ol className="grid gap-2 sm:grid-cols-4" data-testid="progress-line">
        {items.map((item, i) => (
          <li
            key={item.step}
            aria-current={item.state === "current" ? "step" : undefined}
            className={`flex items-center gap-2 rounded-md border px-3 py-2 text-sm ${
              item.state === "current" ? "border-brand-700 bg-brand-700 font-semibold text-white" : item.state === "done" ? "border-brand-100 bg-brand-50 text-ink" : "border-slate-200 bg-white text-muted"
            }`}
          >
            <span aria-hidden="true" className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-full border text-xs ${item.state === "current" ? "border-white" : "border-current"}`}>
              {item.state === "done" ? "✓" : i + 1}
            </span>
            <span>
              {t(`progress.${item.step}`)}
              {item.state === "done" ? <span className="sr-only"> ({t("progress.done")})</span> : null}
              {item.state === "current" ? <span className="sr-only"> ({t("progress.current")})</span> : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
