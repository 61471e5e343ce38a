import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Container } from "@/components/container";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/create-staff";
import { getStaffSession } from "@/lib/auth/current-staff";
import { requireStaff } from "@/lib/auth/require-staff";
import { listStaffSessions } from "@/lib/auth/staff-sessions";
import { remainingRecoveryCodes, twoFactorRequired } from "@/lib/auth/two-factor";
import { getEnv } from "@/lib/env";
import { formatDateTime } from "@/lib/i18n/translator";
import { readyDb } from "@/db/ready";
import type { Locale } from "@/lib/i18n/locales";
import { ChangePasswordForm } from "./change-password-form";
import { SignedInDevices } from "./signed-in-devices";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staffAdmin.account" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** Every role: who I am, my password, two-factor sign-in and signed-in devices. */
export default async function AccountPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await requireStaff({ locale, permission: "requests.read", returnTo: `/${locale}/dashboard/account` });
  const t = await getTranslations({ locale, namespace: "staffAdmin.account" });
  const roles = await getTranslations({ locale, namespace: "staff.roles" });
  const current = (await getStaffSession())!;
  const db = await readyDb();
  const sessions = await listStaffSessions(db, { staffId: me.id, currentSessionId: current.session.id });
  const totpEnabledAt = current.staff.totpSecret ? current.staff.totpEnabledAt : null;
  const recoveryLeft = totpEnabledAt ? await remainingRecoveryCodes(db, me.id) : 0;

  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("lead", { name: me.name, email: me.email, role: roles(me.role) })}</p>

      <section aria-labelledby="password-title" className="mt-8">
        <h2 id="password-title" className="text-xl font-semibold">
          {t("passwordTitle")}
        </h2>
        <p className="mt-2 max-w-2xl text-muted">{t("passwordLead")}</p>
        <div className="mt-2">
          <ChangePasswordForm email={me.email} minLength={MIN_PASSWORD_LENGTH} />
        </div>
      </section>

      <section aria-labelledby="two-factor-title" className="mt-10">
        <h2 id="two-factor-title" className="text-xl font-semibold">
          {t("twoFactor.title")}
        </h2>
        <p className="mt-2 max-w-2xl text-muted" data-testid="two-factor-status">
          {totpEnabledAt
            ? t("twoFactor.on", { date: formatDateTime(totpEnabledAt, locale, getEnv().OPERATOR_TIME_ZONE), left: recoveryLeft })
            : twoFactorRequired(me.role)
              ? t("twoFactor.required")
              : t("twoFactor.off")}
        </p>
        {!totpEnabledAt ? (
          <a href={`/${locale}/staff/two-factor?callbackUrl=${encodeURIComponent(`/${locale}/dashboard/account`)}`} className="mt-3 inline-flex min-h-11 items-center rounded-md border border-brand-700 px-5 py-2 font-semibold text-brand-800 hover:bg-brand-50">
            {t("twoFactor.setUp")}
          </a>
        ) : (
          <p className="mt-2 max-w-2xl text-muted">{t("twoFactor.lost")}</p>
        )}
      </section>

      <SignedInDevices locale={locale} sessions={sessions} />
    </Container>
  );
}
