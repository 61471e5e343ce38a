import { StaffRequestDetails } from "@/components/request-details/staff-request-details";
import type { Locale } from "@/lib/i18n/locales";
import type { StaffRequestView } from "@/lib/requests/staff/get-staff-request-view";
import type { RequestPageTexts } from "./page-texts";

/** What the requester asked for (rows from the type's module; the correction's before/after table), folded open at first. */
export function RequestDetails({ locale, view, texts }: { locale: Locale; view: StaffRequestView; texts: RequestPageTexts }) {
  const { t } = texts;
  return (
    <details open className="group rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="request-details">
      <summary className="cursor-pointer rounded-lg px-4 py-3 text-lg font-semibold">
        <h2 className="inline">{t("details.title")}</h2>
      </summary>
      <div className="border-t border-slate-200 px-4 pb-4">
        <StaffRequestDetails locale={locale} details={view.details} comment={view.comment} />
      </div>
    </details>
  );
}
