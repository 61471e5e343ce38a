import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { loadPolicyPage } from "@/lib/policy/load-policy-page";
import { PolicyDocument } from "../policy-document";

// Static, revalidated when a version is published (dashboard/policy/actions.ts) and every minute,
// so that a version published ahead of time shows from its effective date on.
export const revalidate = 60;

export function generateStaticParams(): { version: string }[] {
  return [];
}

type Props = { params: Promise<{ locale: Locale; version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, version } = await params;
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("policyVersionTitle", { version: decodeURIComponent(version) }) };
}

export default async function PolicyVersionPage({ params }: Props) {
  const { locale, version } = await params;
  setRequestLocale(locale);
  const { view, history, current } = await loadPolicyPage(locale, decodeURIComponent(version));
  if (!view) notFound();
  return <PolicyDocument locale={locale} view={view} history={history} currentVersion={current?.policy.version} />;
}
