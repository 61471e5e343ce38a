import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { ClientMessages } from "@/components/client-messages";
import { Container } from "@/components/container";
import { getStaffSession } from "@/lib/auth/current-staff";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { startTwoFactorEnrolment, twoFactorRequired } from "@/lib/auth/two-factor";
import { getEnv } from "@/lib/env";
import { type Locale } from "@/lib/i18n/locales";
import { readyDb } from "@/db/ready";
import { EnrolForm } from "./enrol-form";

// Depends on the visitor's session at request time: never served from the page cache.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ callbackUrl?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.twoFactor" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * Setting up two-factor sign-in: the QR code (rendered here, on the server) and the secret as
 * text for typing in, then the first code to confirm. Reached right after sign-in by an account
 * that must have it, or from the account page by one that chooses to.
 */
export default async function TwoFactorPage({ params, searchParams }: Props) {
  const { locale } = await params;
  const { callbackUrl } = await searchParams;
  setRequestLocale(locale);
  const continueUrl = safeReturnPath(typeof callbackUrl === "string" ? callbackUrl : undefined, locale, getEnv().APP_URL);
  const current = await getStaffSession();
  if (!current) redirect(`/${locale}/staff/sign-in?callbackUrl=${encodeURIComponent(continueUrl)}`);
  if (current.staff.totpSecret && current.session.stage === "active") redirect(`/${locale}/dashboard/account`);
  const enrolment = await startTwoFactorEnrolment(await readyDb(), current.staff);
  const t = await getTranslations({ locale, namespace: "staff.twoFactor" });
  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-2xl text-muted">{twoFactorRequired(current.staff.role) ? t("leadRequired") : t("leadOptional")}</p>
      <ol className="mt-6 max-w-2xl list-decimal space-y-4 pl-6">
        <li>
          {t("stepScan")}
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, nothing to optimise */}
          <img src={enrolment.qrDataUrl} alt={t("qrAlt")} width={200} height={200} className="mt-3 border border-slate-300 bg-white" />
        </li>
        <li>
          {t("stepManual")}
          <code data-testid="totp-secret" className="mt-2 block break-all rounded bg-slate-100 p-2 font-mono">
            {enrolment.secret.replace(/(.{4})/g, "$1 ").trim()}
          </code>
        </li>
        <li>{t("stepConfirm")}</li>
      </ol>
      <div className="mt-6">
        <ClientMessages namespaces={["staff"]}>
          <EnrolForm continueUrl={continueUrl} />
        </ClientMessages>
      </div>
    </Container>
  );
}
