import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { Container } from "@/components/container";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/create-staff";
import { describeInvite } from "@/lib/auth/staff-admin/accept-invite";
import type { Locale } from "@/lib/i18n/locales";
import { readyDb } from "@/db/ready";
import { AcceptInviteForm } from "./accept-invite-form";

// Depends on the visitor or the database at request time: never served from the page cache.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staffAdmin.acceptInvite" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * The link from a staff invitation (public): the new colleague sets a password, twice, then
 * signs in. Opening the page changes nothing; an unknown, expired or used link gets one answer.
 */
export default async function AcceptInvitePage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "staffAdmin" });
  const invite = await describeInvite(await readyDb(), { token });

  if (!invite) {
    return (
      <Container className="py-8">
        <h1 className="text-3xl font-bold">{t("acceptInvite.invalidTitle")}</h1>
        <p role="alert" className="mt-4 max-w-2xl rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {t("errors.invalid_or_expired")}
        </p>
      </Container>
    );
  }

  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("acceptInvite.title")}</h1>
      <p className="mt-2 max-w-2xl">{t("acceptInvite.lead", { name: invite.name, email: invite.email })}</p>
      <ClientMessages namespaces={["staffAdmin"]}>
        <AcceptInviteForm
          token={token}
          email={invite.email}
          minLength={MIN_PASSWORD_LENGTH}
          signInUrl={`/${locale}/staff/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/dashboard`)}`}
        />
      </ClientMessages>
    </Container>
  );
}
