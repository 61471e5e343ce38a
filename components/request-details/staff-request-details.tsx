import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { DefinitionRow } from "@/components/definition-row";
import type { Locale } from "@/lib/i18n/locales";
import { staffDetailRows, type Correction, type RequestDetails, type StaffDetailValue } from "@/lib/requests/types";

/**
 * What the requester asked for, on the staff request page: the rows its type's module gives
 * (lib/requests/types), then the comment; corrections as a before/after table below. The
 * requester's own words are isolated (<bdi>).
 */
export async function StaffRequestDetails({ locale, details, comment }: { locale: Locale; details: RequestDetails; comment: string | null }) {
  const t = await getTranslations({ locale, namespace: "dashboard.details" });
  const categories = await getTranslations({ locale, namespace: "categories" });
  const options = await getTranslations({ locale, namespace: "intake.options" });
  const rows = staffDetailRows(details);
  const tables = rows.flatMap((row) => (row.value.kind === "corrections" ? [row.value.corrections] : []));

  const valueOf = (value: Exclude<StaffDetailValue, { kind: "corrections" }>): React.ReactNode => {
    switch (value.kind) {
      case "text":
        return <bdi>{value.text ?? "—"}</bdi>;
      case "date":
        return value.iso ?? "—";
      case "option":
        return value.option ? options(value.option) : "—";
      case "categories":
        return value.categories.length === 0 ? t("allCategories") : value.categories.map((c) => categories(c)).join(", ");
      case "statement":
        return t(value.text);
    }
  };
  const correctionsTable = (corrections: Correction[], key: number) => (
    <DataTable key={key} className="mt-3" caption={t("corrections")} captionClassName="mb-2 text-left font-medium" columns={[t("field"), t("before"), t("after")]}>
      <tbody>
        {corrections.map((c, i) => (
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
  );

  return (
    <>
      <dl className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_minmax(0,1fr)]">
        {rows.map(({ label, value }) =>
          value.kind === "corrections" ? null : (
            <DefinitionRow key={label} label={t(label)}>
              {valueOf(value)}
            </DefinitionRow>
          ),
        )}
        {comment ? (
          <DefinitionRow label={t("comment")}>
            <bdi>{comment}</bdi>
          </DefinitionRow>
        ) : null}
      </dl>
      {tables.map(correctionsTable)}
    </>
  );
}
