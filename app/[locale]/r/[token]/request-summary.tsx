import { getTranslations } from "next-intl/server";
import { Card } from "@/components/card";
import type { Locale } from "@/lib/i18n/locales";
import { DATA_CATEGORIES, type DataCategory } from "@/lib/requests/request-types";
import { LabelledValue, LabelledValues } from "./labelled-values";

type Details = {
  comment?: string;
  categories?: string[];
  corrections?: { field: string; currentValue: string; correctedValue: string }[];
  accountIdentifier?: string;
  whatHappened?: string;
};

/** What the requester asked for, as they wrote it (rendered as text, never as HTML). */
export async function RequestSummary({ locale, name, details }: { locale: Locale; name: string; details: Record<string, unknown> }) {
  const t = await getTranslations({ locale, namespace: "intake" });
  const tc = await getTranslations({ locale, namespace: "categories" });
  const d = details as Details;
  const categories = (d.categories ?? []).filter((c): c is DataCategory => (DATA_CATEGORIES as readonly string[]).includes(c));
  const row = (label: string, value: React.ReactNode) => <LabelledValue label={label} prose>{value}</LabelledValue>;
  return (
    <Card as="section" aria-labelledby="summary-request" className="mt-6 max-w-3xl print:hidden">
      <h2 id="summary-request" className="text-xl font-semibold">
        {t("sections.request")}
      </h2>
      <LabelledValues>
        {row(t("fields.name"), name)}
        {categories.length > 0 ? row(t("fields.categories"), categories.map((c) => tc(c)).join(", ")) : null}
        {d.accountIdentifier ? row(t("fields.accountIdentifier"), d.accountIdentifier) : null}
        {d.whatHappened ? row(t("fields.whatHappened"), d.whatHappened) : null}
        {d.corrections?.length
          ? row(
              t("fields.corrections"),
              <ul className="space-y-1">
                {d.corrections.map((c, i) => (
                  <li key={i}>
                    {c.field}: {c.currentValue ? `${c.currentValue} → ` : ""}
                    {c.correctedValue}
                  </li>
                ))}
              </ul>,
            )
          : null}
        {d.comment ? row(t("fields.comment"), d.comment) : null}
      </LabelledValues>
    </Card>
  );
}
