import { getFormatter, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import type { LegalHoldState } from "@/lib/retention/get-legal-hold";

/**
 * The request's legal hold and anonymisation, under its title: a "Legal hold" badge with who
 * placed it and why (every role sees it), or the date the personal data was removed. Placing and
 * lifting a hold are in the actions menu (for the roles that may).
 */
export async function LegalHold({ locale, state }: { locale: Locale; state: LegalHoldState }) {
  const t = await getTranslations({ locale, namespace: "retention.legalHold" });
  const format = await getFormatter({ locale });
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });

  if (state.anonymisedAt) {
    return (
      <p className="mt-3 rounded-md border-l-4 border-slate-500 bg-slate-100 p-3" data-testid="anonymised-notice">
        {t("anonymised", { date: when(state.anonymisedAt) })}
      </p>
    );
  }
  if (!state.legalHold) return null;

  return (
    <section aria-labelledby="legal-hold-title" className="mt-3 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3">
      <h2 id="legal-hold-title" className="sr-only">
        {t("title")}
      </h2>
      <p>
        <span className="rounded bg-amber-700 px-2 py-0.5 text-sm font-semibold text-white" data-testid="legal-hold-badge">
          {t("badge")}
        </span>{" "}
        <span className="text-sm">{state.setAt ? t("placedBy", { date: when(state.setAt), name: state.setByName ?? "—" }) : null}</span>
      </p>
      {state.reason ? <p className="mt-2 break-words whitespace-pre-wrap">{t("reasonShown", { reason: state.reason })}</p> : null}
      <p className="mt-1 text-sm text-amber-950">{t("effect")}</p>
    </section>
  );
}
