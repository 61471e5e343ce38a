import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Container } from "@/components/container";
import { getEnv } from "@/lib/env";
import { type Locale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/locale-path";
import { isRequestType, type RequestType } from "@/lib/requests/request-types";
import { requestFormLayout } from "@/lib/requests/types";
import { RequestForm } from "./request-form";
import { getRequestFormMessages } from "./request-form-messages";

// Static: rendered once per language on first request, then cached (see app/[locale]/layout.tsx);
// re-rendered hourly at most, as a bound on what a shared cache in front may keep.
export const revalidate = 3600;

export function generateStaticParams(): { type: string }[] {
  return [];
}

type Props = { params: Promise<{ locale: Locale; type: string }> };

function requestType(value: string): RequestType | null {
  return isRequestType(value) ? value : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, type } = await params;
  const known = requestType(type);
  if (!known) return {};
  const t = await getTranslations({ locale, namespace: "requestTypes" });
  return { title: t(`${known}.title`) };
}

export default async function NewRequestPage({ params }: Props) {
  const { locale, type } = await params;
  setRequestLocale(locale);
  const known = requestType(type);
  if (!known) notFound();
  const t = await getTranslations({ locale, namespace: "intake" });
  const types = await getTranslations({ locale, namespace: "requestTypes" });
  // The form's own words, as plain data (only the keys it names): it words them without next-intl's client (lib/i18n/plain-translator.ts).
  const messages = await getRequestFormMessages(locale, known);
  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{types(`${known}.title`)}</h1>
      <p className="mt-2 max-w-2xl text-muted">{types(`${known}.description`)}</p>
      <p className="mt-2 max-w-2xl text-muted">{t("lead")}</p>
      <p className="mt-2">
        <a href={localePath(locale, "/requests/find")} className="text-brand-800 underline">
          {t("find.link")}
        </a>
      </p>
      <div className="mt-6">
        <RequestForm type={known} layout={requestFormLayout(known)} defaultJurisdiction={getEnv().DEFAULT_JURISDICTION} locale={locale} messages={messages} />
      </div>
    </Container>
  );
}
