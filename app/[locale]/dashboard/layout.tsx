import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Container } from "@/components/container";
import { getCurrentStaff } from "@/lib/auth/current-staff";
import type { Locale } from "@/lib/env";
import { countInboundNeedingAttention } from "@/lib/inbound/count-inbound-needing-attention";
import { MAIL_WORKER_ROLES } from "@/lib/inbound/inbound-staff-schemas";
import { Link } from "@/lib/i18n/navigation";
import { readyDb } from "@/lib/startup/ensure-app-ready";
import { COMPLIANCE_ROLES } from "@/lib/compliance/roles";
import { SignOutButton } from "./sign-out-button";

// Depends on the visitor or the database at request time: never served from the page cache.
export const dynamic = "force-dynamic";

// Navigation only: each page checks the staff member and role itself (requireStaff).
export default async function DashboardLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = (await params) as { locale: Locale };
  const me = await getCurrentStaff();
  // Staff pages are dynamic and signed-in only: their forms get every catalogue.
  if (!me) return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
  const t = await getTranslations({ locale, namespace: "staff" });
  const mail = await getTranslations({ locale, namespace: "mail" });
  // The number of e-mails waiting for a person (unmatched or failed) is part of the link's name.
  const mailWaiting = (MAIL_WORKER_ROLES as readonly string[]).includes(me.role) ? await countInboundNeedingAttention(await readyDb()) : null;
  const links = [
    { href: "/dashboard", label: t("nav.queue") },
    ...(mailWaiting !== null ? [{ href: "/dashboard/mail", label: mailWaiting > 0 ? mail("navWithCount", { count: mailWaiting }) : mail("nav") }] : []),
    ...((COMPLIANCE_ROLES as readonly string[]).includes(me.role)
      ? [
          { href: "/dashboard/audit", label: t("nav.audit") },
          { href: "/dashboard/exports", label: t("nav.exports") },
          { href: "/dashboard/reports", label: t("nav.reports") },
        ]
      : []),
    ...(me.role === "admin"
      ? [
          { href: "/dashboard/templates", label: t("nav.templates") },
          { href: "/dashboard/calendar", label: t("nav.calendar") },
          { href: "/dashboard/staff", label: t("nav.staffAdmin") },
          { href: "/dashboard/retention", label: t("nav.retention") },
          { href: "/dashboard/policy", label: t("nav.policy") },
        ]
      : []),
    { href: "/dashboard/account", label: t("nav.account") },
  ];
  return (
    <NextIntlClientProvider>
      <div className="border-b border-slate-200 bg-slate-50">
        <Container className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
          <nav aria-label={t("nav.label")}>
            <ul className="flex flex-wrap gap-x-4 gap-y-1">
              {links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className="text-brand-800 underline">
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="flex items-center gap-3">
            <span data-testid="signed-in-as">{t("nav.signedInAs", { name: me.name, role: t(`roles.${me.role}`) })}</span>
            <SignOutButton label={t("nav.signOut")} callbackUrl={`/${locale}/staff/sign-in`} />
          </div>
        </Container>
      </div>
      {children}
    </NextIntlClientProvider>
  );
}
