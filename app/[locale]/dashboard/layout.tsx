import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "@/components/language-switcher";
import { Toasts } from "@/components/toast/toasts";
import { getCurrentStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/locales";
import { countInboundNeedingAttention } from "@/lib/inbound/count-inbound-needing-attention";
import { OPEN_STATUSES } from "@/lib/requests/lifecycle";
import { readQueueSearch } from "@/lib/requests/staff/queue-search";
import { readStatusCounts } from "@/lib/requests/status-counts";
import { readyDb } from "@/db/ready";
import { AppShell } from "./shell/app-shell";
import { navPagesFor, type NavItem } from "./shell/nav-items";
import { SearchBox } from "./shell/search-box";
import { SIDEBAR_COOKIE } from "./shell/sidebar-cookie";
import { UserMenu } from "./shell/user-menu";

// Depends on the visitor or the database at request time: never served from the page cache.
export const dynamic = "force-dynamic";

/**
 * The shell of every dashboard page (app-shell.tsx). Navigation only: each page checks the staff
 * member and role itself (requireStaff); the sidebar lists only what the role may open.
 */
export default async function DashboardLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = (await params) as { locale: Locale };
  const me = await getCurrentStaff();
  // Signed out (the page sends them to sign-in) or a 404 for a stranger: no shell to show.
  if (!me)
    return (
      <NextIntlClientProvider>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          {children}
        </main>
      </NextIntlClientProvider>
    );

  const t = await getTranslations({ locale, namespace: "staff" });
  const shell = await getTranslations({ locale, namespace: "shell" });
  const nav = await getTranslations({ locale, namespace: "nav" });
  const mail = await getTranslations({ locale, namespace: "mail" });
  const db = await readyDb();
  // Both counts are cheap: the status counter's few rows, and an indexed count of waiting mail.
  const [statusCounts, mailWaiting] = await Promise.all([
    can(me.role, "requests.read") ? readStatusCounts(db) : Promise.resolve({}),
    can(me.role, "mail.work") ? countInboundNeedingAttention(db) : Promise.resolve(0),
  ]);
  const openRequests = OPEN_STATUSES.reduce((sum, status) => sum + ((statusCounts as Partial<Record<string, number>>)[status] ?? 0), 0);

  const items = navPagesFor(me.role).map(({ key, href }): NavItem => {
    const label = key === "mail" ? mail("nav") : t(`nav.${key}`);
    const count = key === "queue" ? openRequests : key === "mail" ? mailWaiting : 0;
    if (!count) return { key, href, label };
    return { key, href, label, count, countLabel: shell("sidebar.withCount", { label, count }) };
  });
  const collapsed = (await cookies()).get(SIDEBAR_COOKIE)?.value === "collapsed";
  const role = t(`roles.${me.role}`);

  return (
    <NextIntlClientProvider>
      <AppShell
        items={items}
        initiallyCollapsed={collapsed}
        texts={{ navLabel: t("nav.label"), open: shell("sidebar.open"), close: shell("sidebar.close"), collapse: shell("sidebar.collapse"), expand: shell("sidebar.expand") }}
        topBar={
          <>
            <div className="order-last w-full min-w-0 sm:order-none sm:w-auto sm:max-w-xl sm:flex-1">
              <SearchBox locale={locale} term={await readQueueSearch()} />
            </div>
            <div className="ml-auto flex shrink-0 items-center gap-2">
              <LanguageSwitcher label={nav("language")} current={locale} compact />
              <UserMenu
                name={me.name}
                locale={locale}
                texts={{
                  menu: shell("user.menu", { name: me.name }),
                  signedInAs: t("nav.signedInAs", { name: me.name, role }),
                  role: shell("user.role", { role }),
                  account: t("nav.account"),
                  signOut: t("nav.signOut"),
                }}
              />
            </div>
          </>
        }
      >
        {children}
      </AppShell>
      <Toasts label={shell("toasts.label")} closeLabel={shell("toasts.close")} />
    </NextIntlClientProvider>
  );
}
