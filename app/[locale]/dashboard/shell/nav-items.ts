import type { StaffRole } from "@/db/schema/staff";
import { can, DASHBOARD_PAGES } from "@/lib/auth/permissions";

export type NavKey = Exclude<(typeof DASHBOARD_PAGES)[number]["nav"], null>;

/** One sidebar link: where, its label key (staff catalogue's nav) and, for queue and mail, a count. */
export type NavItem = { key: NavKey; href: string; label: string; count?: number; countLabel?: string };

/**
 * The sections a role may open, in the permissions map's order: a page is listed only when the
 * role has its permission (or its navPermission, e.g. mail for those who can act on it), so the
 * navigation never offers what answers 403.
 */
export function navPagesFor(role: StaffRole): { key: NavKey; href: string }[] {
  return DASHBOARD_PAGES.flatMap((page) => {
    if (page.nav === null) return [];
    return can(role, "navPermission" in page ? page.navPermission : page.permission) ? [{ key: page.nav, href: page.path }] : [];
  });
}

/** The section a path belongs to (a request page is the queue's), for aria-current; null when none. */
export function currentSection(pathname: string, items: readonly { href: string }[]): { href: string; exact: boolean } | null {
  const path = pathname.replace(/\/+$/, "") || "/";
  const exact = items.find((item) => item.href === path);
  if (exact) return { href: exact.href, exact: true };
  if (path.startsWith("/dashboard/requests/")) return items.some((item) => item.href === "/dashboard") ? { href: "/dashboard", exact: false } : null;
  const parent = items.filter((item) => item.href !== "/dashboard" && path.startsWith(`${item.href}/`)).sort((a, b) => b.href.length - a.href.length)[0];
  return parent ? { href: parent.href, exact: false } : null;
}
