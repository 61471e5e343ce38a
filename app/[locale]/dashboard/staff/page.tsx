import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Container } from "@/components/container";
import { requireStaff } from "@/lib/auth/require-staff";
import { listStaff } from "@/lib/auth/staff-admin/list-staff";
import { STAFF_INVITE_TTL_HOURS } from "@/lib/auth/staff-admin/common";
import type { Locale } from "@/lib/i18n/locales";
import { readyDb } from "@/db/ready";
import { InviteForm } from "./invite-form";
import { StaffTable, type StaffRow } from "./staff-table";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staffAdmin" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** Admins only: every staff account, its role and access, and the invitation form. */
export default async function StaffAdminPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await requireStaff({ locale, permission: "staff.manage", returnTo: `/${locale}/dashboard/staff` });
  const members = await listStaff(await readyDb(), me);
  const t = await getTranslations({ locale, namespace: "staffAdmin" });
  const format = await getFormatter({ locale });
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });

  const rows: StaffRow[] = members.map((member) => ({
    id: member.id,
    name: member.name,
    email: member.email,
    role: member.role,
    status: member.status,
    statusText: member.status === "invited" && member.inviteExpiresAt ? t("status.invited", { date: when(member.inviteExpiresAt) }) : t(`status.${member.status as "active"}`),
    lastSignIn: member.lastSignInAt ? when(member.lastSignInAt) : t("list.never"),
    isMe: member.id === me.id,
    twoFactor: member.twoFactor,
  }));

  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("lead")}</p>

      <section aria-labelledby="staff-list-title" className="mt-8">
        <h2 id="staff-list-title" className="text-xl font-semibold">
          {t("list.title")}
        </h2>
        <div className="mt-4">
          <StaffTable rows={rows} />
        </div>
      </section>

      <section aria-labelledby="invite-title" className="mt-10">
        <h2 id="invite-title" className="text-xl font-semibold">
          {t("invite.title")}
        </h2>
        <p className="mt-2 max-w-2xl text-muted">{t("invite.lead", { hours: STAFF_INVITE_TTL_HOURS })}</p>
        <InviteForm defaultLocale={locale} />
      </section>
    </Container>
  );
}
