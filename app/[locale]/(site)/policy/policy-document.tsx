import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/card";
import { Container } from "@/components/container";
import { Markdown } from "@/components/markdown";
import type { Locale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/locale-path";
import type { PolicyHistoryItem, PolicyView } from "@/lib/policy/get-policy";

/** A date-only value (YYYY-MM-DD) as a Date that formats to the same calendar day everywhere. */
function calendarDay(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00Z`);
}

export async function PolicyDocument({
  locale,
  view,
  history,
  currentVersion,
}: {
  locale: Locale;
  view: PolicyView;
  history: PolicyHistoryItem[];
  currentVersion: string | undefined;
}) {
  const t = await getTranslations({ locale, namespace: "policy" });
  const format = await getFormatter({ locale });
  const day = (iso: string) => format.dateTime(calendarDay(iso), { dateStyle: "long", timeZone: "UTC" });
  const { policy, isFallback } = view;
  const isCurrent = policy.version === currentVersion;

  return (
    <Container className="py-8">
      <article lang={policy.locale} className="max-w-3xl">
        <h1 className="text-3xl font-bold leading-tight">{policy.title}</h1>
        <p className="mt-3 flex flex-wrap gap-x-4 text-sm text-muted" lang={locale}>
          <span>{t("version", { version: policy.version })}</span>
          <span>{t("effectiveOn", { date: day(policy.effectiveOn) })}</span>
          {isCurrent ? <span className="font-semibold text-green-800">{t("current")}</span> : null}
        </p>
        {isFallback ? (
          <p className="mt-4 rounded-md border-l-4 border-sky-600 bg-sky-50 p-3" lang={locale}>
            {t("fallbackLanguage")}
          </p>
        ) : null}
        {!isCurrent ? (
          <p className="mt-4 rounded-md border-l-4 border-amber-500 bg-amber-50 p-3" lang={locale} role="note">
            {t("archived", { date: day(policy.effectiveOn) })}{" "}
            <a href={localePath(locale, "/policy")} className="text-brand-800 underline">
              {t("readCurrent")}
            </a>
          </p>
        ) : null}
        <div className="mt-4">
          <Markdown>{policy.body}</Markdown>
        </div>
      </article>

      <Card as="section" aria-labelledby="policy-history" className="mt-10 max-w-3xl">
        <h2 id="policy-history" className="text-lg font-semibold">
          {t("history")}
        </h2>
        <ul className="mt-3 space-y-1">
          {history.map((item) => (
            <li key={item.version}>
              <a
                href={localePath(locale, `/policy/${encodeURIComponent(item.version)}`)}
                className="text-brand-800 underline"
                aria-current={item.version === policy.version ? "page" : undefined}
              >
                {t("historyItem", { version: item.version, date: day(item.effectiveOn) })}
              </a>
            </li>
          ))}
        </ul>
      </Card>
    </Container>
  );
}
