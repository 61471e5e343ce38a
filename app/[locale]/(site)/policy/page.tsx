import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Container } from "@/components/container";
import type { Locale } from "@/lib/i18n/locales";
import { loadPolicyPage } from "@/lib/policy/load-policy-page";
import { PolicyDocument } from "./policy-document";

// Static, revalidated when a version is published (dashboard/policy/actions.ts) and every minute,
// so that a version published ahead of time shows from its effective date on.
export const revalidate = 60;

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("policyTitle") };
}

export default async function PolicyPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { view, history, current } = await loadPolicyPage(locale);
  if (!view) {
    const t = await getTranslations({ locale, namespace: "policy" });
    return (
      <Container className="py-8">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-3">{t("missing")}</p>
      </Container>
    );
  }
  return <PolicyDocument locale={locale} view={view} history={history} currentVersion={current?.policy.version} />;
}
