import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Container } from "@/components/container";
import { requireStaff } from "@/lib/auth/require-staff";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { LOCALE_NAMES } from "@/lib/i18n/routing";
import { listPolicyVersionsForAdmin } from "@/lib/policy/list-policy-versions-for-admin";
import { readyDb } from "@/db/ready";
import { PublishPolicyForm } from "./publish-policy-form";
import { DataTable } from "@/components/data-table";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "policyAdmin" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** Admins: every language's policy versions (scheduled, current, past) and a form to publish a new one. */
export default async function PolicyAdminPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await requireStaff({ locale, permission: "policy.publish", returnTo: `/${locale}/dashboard/policy` });
  const view = await listPolicyVersionsForAdmin(await readyDb(), me);
  const t = await getTranslations({ locale, namespace: "policyAdmin" });
  const format = await getFormatter({ locale });
  // Date-only values (YYYY-MM-DD) format to the same calendar day everywhere.
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  const moment = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });

  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("lead")}</p>

      <section aria-labelledby="policy-versions-title" className="mt-8">
        <h2 id="policy-versions-title" className="text-xl font-semibold">
          {t("versions.title")}
        </h2>
        {LOCALES.map((language) => (
          <DataTable key={language} className="mt-4" caption={LOCALE_NAMES[language]} captionClassName="mb-2 text-left text-lg font-semibold" columns={[t("versions.version"), t("versions.titleColumn"), t("versions.effectiveOn"), t("versions.state"), t("versions.published")]}>
            <tbody>
              {view.versions[language].length === 0 ? (
                <tr>
                  <td colSpan={5} className="py-2 text-muted">
                    {t("versions.none")}
                  </td>
                </tr>
              ) : null}
              {view.versions[language].map((version) => (
                <tr key={version.id} className={`border-b border-slate-200 align-top ${version.state === "current" ? "bg-green-50" : ""}`}>
                  <th scope="row" className="py-2 pr-4 font-medium">
                    {version.state === "scheduled" ? (
                      version.version
                    ) : (
                      // Public pages in that language; a plain link, since the dashboard's locale may differ.
                      <a href={`/${language}/policy/${encodeURIComponent(version.version)}`} className="text-brand-800 underline" lang={language}>
                        {version.version}
                      </a>
                    )}
                  </th>
                  <td className="py-2 pr-4" lang={language}>
                    {version.title}
                  </td>
                  <td className="py-2 pr-4">{day(version.effectiveOn)}</td>
                  <td className="py-2 pr-4">
                    <span className={version.state === "current" ? "font-semibold text-green-900" : version.state === "scheduled" ? "font-semibold text-amber-900" : "text-muted"}>
                      {t(`versions.states.${version.state}`)}
                    </span>
                  </td>
                  <td className="py-2">{t("versions.publishedBy", { date: moment(version.publishedAt), name: version.publishedByName ?? t("versions.system") })}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ))}
      </section>

      <section aria-labelledby="policy-publish-title" className="mt-10 border-t border-slate-200 pt-6">
        <h2 id="policy-publish-title" className="text-xl font-semibold">
          {t("publish.title")}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-muted">{t("publish.lead")}</p>
        <PublishPolicyForm locale={locale} today={view.today} current={view.current} />
      </section>
    </Container>
  );
}
