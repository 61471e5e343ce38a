"use client";

import type { ReactNode } from "react";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { NavIcon } from "./nav-icon";
import { currentSection, type NavItem } from "./nav-items";

/**
 * The sections as links, the current one marked (aria-current "page" on the page itself, "true"
 * on a page inside the section, such as a request in the queue). Collapsed: icons, with the
 * label kept for screen readers and as a tooltip.
 */
export function SidebarNav({ items, label, collapsed, onNavigate, top, className = "" }: { items: NavItem[]; label: string; collapsed: boolean; onNavigate?: () => void; top?: ReactNode; className?: string }) {
  const current = currentSection(usePathname(), items);
  return (
    <nav aria-label={label} className={className}>
      {top}
      <ul className="flex flex-col gap-1 p-2">
        {items.map((item) => {
          const isCurrent = current?.href === item.href;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                onClick={onNavigate}
                aria-current={isCurrent ? (current.exact ? "page" : "true") : undefined}
                // The count is part of the name ("Mail (3)"); the badge alone would read as a bare number.
                aria-label={item.count ? item.countLabel : undefined}
                title={collapsed ? (item.countLabel ?? item.label) : undefined}
                className={`relative flex min-h-10 min-w-0 items-center gap-3 rounded-md px-3 py-2 text-sm no-underline ${collapsed ? "justify-center px-2" : ""} ${
                  isCurrent ? "bg-brand-700 font-semibold text-white" : "text-ink hover:bg-slate-200"
                }`}
              >
                <NavIcon name={item.key} />
                <span className={collapsed ? "sr-only" : "min-w-0 flex-1 truncate"}>{item.label}</span>
                {item.count ? (
                  <span
                    aria-hidden="true"
                    className={`rounded-full px-2 text-xs font-semibold ${collapsed ? "absolute right-0 top-0 px-1" : ""} ${isCurrent ? "bg-white text-brand-800" : "bg-slate-200 text-ink"}`}
                  >
                    {item.count > 999 ? "999+" : item.count}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
