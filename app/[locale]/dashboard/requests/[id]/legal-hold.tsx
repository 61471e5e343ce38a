import { getFormatter, getTranslations } from "next-intl/server";
import type { StaffRole } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/locales";
import { getLegalHold } from "@/lib/retention/get-legal-hold";
import { readyDb } from "@/lib/startup/ensure-app-ready";
import { LegalHoldForm } from "./legal-hold-form";

/**
 * The request's legal hold and anonymisation, for the request page: a "Legal hold" badge with
 * who placed it and why (every role sees it), and for compliance officers and admins the control
 * to place or lift it. After anonymisation there is nothing left to hold: only the date shows.
 */
export async function LegalHold({ locale, requestId, role }: { locale: Locale; requestId: string; role: StaffRole }) {
  const state = await getLegalHold(await readyDb(), requestId);
  if (!state) return null;
  const t = await getTranslations({ locale, namespace: "retention.legalHold" });
  const format = await getFormatter({ locale });
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });
  const mayChange = can(role, "legalHold.set");

  if (state.anonymisedAt) {
    return (
      <p className="mt-3 rounded-md border-l-4 border-slate-500 bg-slate-100 p-3" data-testid="anonymised-notice">
        {t("anonymised", { date: when(state.anonymisedAt) })}
      </p>
    );
  }
  if (!state.legalHold && !mayChange) return null;

  return (
    <section aria-labelledby="legal-hold-title" className={`mt-3 rounded-md p-3 ${state.legalHold ? "border-l-4 border-amber-600 bg-amber-50" : "border border-slate-200"}`}>
      <h2 id="legal-hold-title" className="sr-only">
        {t("title")}
      </h2>
      {state.legalHold ? (
        <div>
          <p>
            <span className="rounded bg-amber-700 px-2 py-0.5 text-sm font-semibold text-white" data-testid="legal-hold-badge">
              {t("badge")}
            </span>{" "}
            <span className="text-sm">{state.setAt ? t("placedBy", { date: when(state.setAt), name: state.setByName ?? "—" }) : null}</span>
          </p>
          {state.reason ? <p className="mt-2 break-words whitespace-pre-wrap">{t("reasonShown", { reason: state.reason })}</p> : null}
          <p className="mt-1 text-sm text-amber-950">{t("effect")}</p>
        </div>
      ) : null}
      {/* One place for the form whether a hold is in place or not, so its confirmation survives the refresh. */}
      {mayChange ? (
        <details className={state.legalHold ? "mt-2" : undefined}>
          <summary className="cursor-pointer font-medium text-brand-800 underline">{state.legalHold ? t("liftTitle") : t("placeTitle")}</summary>
          {state.legalHold ? null : <p className="mt-2 text-sm">{t("placeLead")}</p>}
          <LegalHoldForm requestId={requestId} held={state.legalHold} />
        </details>
      ) : null}
    </section>
  );
}
