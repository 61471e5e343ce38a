import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { Container } from "@/components/container";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { getEnv } from "@/lib/env";
import { type Locale } from "@/lib/i18n/locales";
import { SignInForm } from "./sign-in-form";

// Depends on the visitor or the database at request time: never served from the page cache.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ callbackUrl?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.signIn" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const { callbackUrl } = await searchParams;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "staff.signIn" });
  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("lead")}</p>
      <div className="mt-6">
        <ClientMessages namespaces={["staff"]}>
          <SignInForm callbackUrl={safeReturnPath(typeof callbackUrl === "string" ? callbackUrl : undefined, locale, getEnv().APP_URL)} />
        </ClientMessages>
      </div>
    </Container>
  );
}
