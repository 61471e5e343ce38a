import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Container } from "@/components/container";
import { getCurrentStaff } from "@/lib/auth/current-staff";
import { can, DASHBOARD_PAGES } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/locales";
import { countInboundNeedingAttention } from "@/lib/inbound/count-inbound-needing-attention";
import { Link } from "@/lib/i18n/navigation";
import { readyDb } from "@/db/ready";
import { readQueueSearch } from "@/lib/requests/staff/queue-search";
import { SearchBox } from "./shell/search-box";
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
  const mailWaiting = can(me.role, "mail.work") ? await countInboundNeedingAttention(await readyDb()) : 0;
  const links = DASHBOARD_PAGES.flatMap((page): { href: string; label: string }[] => {
    if (page.nav === null || !can(me.role, "navPermission" in page ? page.navPermission : page.permission)) return [];
    if (page.nav === "mail") return [{ href: page.path, label: mailWaiting > 0 ? mail("navWithCount", { count: mailWaiting }) : mail("nav") }];
    return [{ href: page.path, label: t(`nav.${page.nav}`) }];
  });
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
          <div className="w-full min-w-0 sm:w-auto sm:flex-1 sm:max-w-md">
            <SearchBox locale={locale} term={await readQueueSearch()} />
          </div>
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
