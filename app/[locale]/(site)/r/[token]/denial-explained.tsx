import { getPageTranslations } from "@/lib/i18n/page-translations";
import { Card } from "@/components/card";
import type { Locale } from "@/lib/i18n/locales";
import type { DenialFacts } from "@/lib/requests/status-page-facts";
import { LabelledValue, LabelledValues } from "./labelled-values";

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * Why the request was denied, in the requester's language: the same reason, law and authority
 * texts as the denial e-mail (the email catalogue owns them), and the same way to disagree.
 */
export async function DenialExplained({ locale, denial }: { locale: Locale; denial: DenialFacts }) {
  const t = await getPageTranslations({ locale, namespace: "status" });
  const mail = await getPageTranslations({ locale, namespace: "email" });
  return (
    <Card as="section" aria-labelledby="denial-title" className="mt-6 max-w-3xl border-l-4 border-l-red-700">
      <h2 id="denial-title" className="text-xl font-semibold">
        {t("denial.title")}
      </h2>
      <LabelledValues>
        <LabelledValue label={t("denial.reason")} testId="denial-reason">
          {capitalised(mail(`request_denied.reasons.${denial.reason}`))}
        </LabelledValue>
        {denial.note ? <LabelledValue label={t("denial.note")} prose>{denial.note}</LabelledValue> : null}
        <LabelledValue label={t("denial.legalBasis")} prose>{capitalised(mail(`request_denied.laws.${denial.jurisdiction}`))}</LabelledValue>
        <LabelledValue label={t("denial.complain")} testId="denial-complain" prose>
          {mail(`request_denied.authority.${denial.jurisdiction}`)}
        </LabelledValue>
      </LabelledValues>
      <p className="mt-4">{t("denial.disagree")}</p>
    </Card>
  );
}
