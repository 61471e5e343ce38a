import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { DefinitionRow } from "@/components/definition-row";
import type { Locale } from "@/lib/i18n/locales";
import { DATA_CATEGORIES } from "@/lib/requests/request-types";
import type { StaffRequestView } from "@/lib/requests/staff/get-staff-request-view";
import type { RequestPageTexts } from "./page-texts";

/** What the requester asked for, by type (the correction's before/after table), folded open at first. */
export async function RequestDetails({ locale, view, texts }: { locale: Locale; view: StaffRequestView; texts: RequestPageTexts }) {
  const { t, isOneOf } = texts;
  const categories = await getTranslations({ locale, namespace: "categories" });
  const options = await getTranslations({ locale, namespace: "intake.options" });
  const d = view.details;
  const categoryNames = (list: string[]) => (list.length === 0 ? t("details.allCategories") : list.map((c) => (isOneOf(DATA_CATEGORIES, c) ? categories(c) : c)).join(", "));

  return (
    <details open className="group rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="request-details">
      <summary className="cursor-pointer rounded-lg px-4 py-3 text-lg font-semibold">
        <h2 className="inline">{t("details.title")}</h2>
      </summary>
      <div className="border-t border-slate-200 px-4 pb-4">
        <dl className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_minmax(0,1fr)]">
          {d.type === "access" ? (
            <>
              <DefinitionRow label={t("details.categories")}>{categoryNames(d.categories)}</DefinitionRow>
              {d.format ? <DefinitionRow label={t("details.format")}>{isOneOf(["pdf", "json", "csv"] as const, d.format) ? options(`format.${d.format}`) : d.format}</DefinitionRow> : null}
            </>
          ) : null}
          {d.type === "deletion" ? (
            <>
              <DefinitionRow label={t("details.scope")}>{isOneOf(["account", "categories"] as const, d.scope) ? options(`scope.${d.scope}`) : (d.scope ?? "—")}</DefinitionRow>
              {d.scope === "categories" ? <DefinitionRow label={t("details.categories")}>{categoryNames(d.categories)}</DefinitionRow> : null}
              {d.accountIdentifier ? (
                <DefinitionRow label={t("details.account")}>
                  <bdi>{d.accountIdentifier}</bdi>
                </DefinitionRow>
              ) : null}
              <DefinitionRow label={t("details.consequences")}>{d.acknowledgedConsequences ? t("details.consequencesAccepted") : t("details.consequencesMissing")}</DefinitionRow>
            </>
          ) : null}
          {d.type === "credential_misuse" ? (
            <>
              <DefinitionRow label={t("details.misusedAccount")}>
                <bdi>{d.accountIdentifier ?? "—"}</bdi>
              </DefinitionRow>
              <DefinitionRow label={t("details.noticedOn")}>{d.noticedOn ?? "—"}</DefinitionRow>
              <DefinitionRow label={t("details.whatHappened")}>
                <bdi>{d.whatHappened ?? "—"}</bdi>
              </DefinitionRow>
              <DefinitionRow label={t("details.passwordChanged")}>
                {isOneOf(["yes", "no", "cannot"] as const, d.passwordChanged) ? options(`passwordChanged.${d.passwordChanged}`) : (d.passwordChanged ?? "—")}
              </DefinitionRow>
            </>
          ) : null}
          {d.type === "other" ? <DefinitionRow label={t("details.raw")}>{JSON.stringify(d.details, null, 2)}</DefinitionRow> : null}
          {view.comment ? (
            <DefinitionRow label={t("details.comment")}>
              <bdi>{view.comment}</bdi>
            </DefinitionRow>
          ) : null}
        </dl>
        {d.type === "correction" ? (
          <DataTable className="mt-3" caption={t("details.corrections")} captionClassName="mb-2 text-left font-medium" columns={[t("details.field"), t("details.before"), t("details.after")]}>
            <tbody>
              {d.corrections.map((c, i) => (
                <tr key={i} className="border-b border-slate-200 align-top">
                  <th scope="row" dir="auto" className="py-2 pr-4 font-medium break-words">
                    {c.field}
                  </th>
                  <td dir="auto" className="py-2 pr-4 break-words">
                    {c.currentValue || "—"}
                  </td>
                  <td dir="auto" className="py-2 break-words">
                    {c.correctedValue}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : null}
      </div>
    </details>
  );
}
