import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Container } from "@/components/container";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/create-staff";
import { requireStaff } from "@/lib/auth/require-staff";
import type { Locale } from "@/lib/env";
import { ChangePasswordForm } from "./change-password-form";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staffAdmin.account" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** Every role: who I am, and changing my own password. */
export default async function AccountPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await requireStaff({ locale, returnTo: `/${locale}/dashboard/account` });
  const t = await getTranslations({ locale, namespace: "staffAdmin.account" });
  const roles = await getTranslations({ locale, namespace: "staff.roles" });
  const signInUrl = `/${locale}/staff/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/dashboard/account`)}`;

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
          <ChangePasswordForm email={me.email} minLength={MIN_PASSWORD_LENGTH} signInUrl={signInUrl} />
        </div>
      </section>
    </Container>
  );
}
