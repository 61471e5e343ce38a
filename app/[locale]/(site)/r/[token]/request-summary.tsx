import { getPageTranslations } from "@/lib/i18n/page-translations";
import { Card } from "@/components/card";
import type { Locale } from "@/lib/i18n/locales";
import { requesterSummaryRows, type DetailValue, type RequestDetails } from "@/lib/requests/types";
import { LabelledValue, LabelledValues } from "./labelled-values";

/** What the requester asked for, as they wrote it (rendered as text, never as HTML); the rows come from the type's module. */
export async function RequestSummary({ locale, name, details, comment }: { locale: Locale; name: string; details: RequestDetails; comment: string | null }) {
  const t = await getPageTranslations({ locale, namespace: "intake" });
  const tc = await getPageTranslations({ locale, namespace: "categories" });
  const options = await getPageTranslations({ locale, namespace: "intake.options" });
  const valueOf = (value: DetailValue): React.ReactNode => {
    switch (value.kind) {
      case "text":
        return value.text ?? "—";
      case "date":
        return value.iso ?? "—";
      case "option":
        return value.option ? options(value.option) : "—";
      case "categories":
        return value.categories.map((c) => tc(c)).join(", ");
      case "corrections":
        return (
          <ul className="space-y-1">
            {value.corrections.map((c, i) => (
              <li key={i}>
                {c.field}: {c.currentValue ? `${c.currentValue} → ` : ""}
                {c.correctedValue}
              </li>
            ))}
          </ul>
        );
    }
  };
  return (
    <Card as="section" aria-labelledby="summary-request" className="mt-6 max-w-3xl print:hidden">
      <h2 id="summary-request" className="text-xl font-semibold">
        {t("sections.request")}
      </h2>
      <LabelledValues>
        <LabelledValue label={t("fields.name")} prose>
          {name}
        </LabelledValue>
        {requesterSummaryRows(details).map((row) => (
          <LabelledValue key={row.label} label={t(row.label)} prose>
            {valueOf(row.value)}
          </LabelledValue>
        ))}
        {comment ? (
          <LabelledValue label={t("fields.comment")} prose>
            {comment}
          </LabelledValue>
        ) : null}
      </LabelledValues>
    </Card>
  );
}
