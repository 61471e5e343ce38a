"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button, Toolbar } from "react-aria-components";
import { usePathname, useRouter } from "@/lib/i18n/navigation";
import { FilterMenu, type FilterOption } from "./filter-menu";

export type ToolbarFilter = {
  /** The URL parameter ("status", "type", …). */
  name: string;
  label: string;
  options: FilterOption[];
  selected: string[];
  multiple: boolean;
};

/**
 * The queue's filters as a toolbar of menus that wrap onto a new line rather than overlap.
 * Choosing values changes the address (they are codes, never personal data) and starts from the
 * first page; the choice shows at once while the page loads.
 */
export function FilterToolbar({ filters }: { filters: ToolbarFilter[] }) {
  const t = useTranslations("staff.queue");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [, startTransition] = useTransition();
  const fromServer = Object.fromEntries(filters.map((filter) => [filter.name, filter.selected]));
  const [chosen, setChosen] = useState(fromServer);
  const [serverKey, setServerKey] = useState(JSON.stringify(fromServer));
  if (serverKey !== JSON.stringify(fromServer)) {
    // The page came back with other filters (a tab, "clear", another change): show those.
    setServerKey(JSON.stringify(fromServer));
    setChosen(fromServer);
  }

  const go = (next: Record<string, string[]>) => {
    const query = new URLSearchParams(params.toString());
    query.delete("after");
    for (const [name, values] of Object.entries(next)) {
      if (values.length) query.set(name, values.join(","));
      else query.delete(name);
    }
    const text = query.toString();
    startTransition(() => router.push(`${pathname}${text ? `?${text}` : ""}`));
  };
  const change = (name: string, values: string[]) => {
    const next = { ...chosen, [name]: values };
    setChosen(next);
    go({ [name]: values });
  };
  const anyChosen = Object.values(chosen).some((values) => values.length > 0);

  return (
    <Toolbar aria-label={t("filters")} className="flex min-w-0 flex-wrap items-center gap-2">
      {filters.map((filter) => {
        const values = chosen[filter.name] ?? [];
        return (
          <FilterMenu
            key={filter.name}
            label={filter.label}
            buttonLabel={values.length ? t("filterCount", { label: filter.label, count: values.length }) : filter.label}
            options={filter.options}
            selected={values}
            multiple={filter.multiple}
            onChange={(next) => change(filter.name, next)}
          />
        );
      })}
      {anyChosen ? (
        <Button
          className="min-h-11 shrink-0 px-2 text-sm font-medium text-brand-800 underline outline-offset-2 data-[focus-visible]:outline-3 data-[focus-visible]:outline-brand-600"
          onPress={() => {
            const cleared = Object.fromEntries(filters.map((filter) => [filter.name, [] as string[]]));
            setChosen(cleared);
            go(cleared);
          }}
        >
          {t("clearFilters")}
        </Button>
      ) : null}
    </Toolbar>
  );
}
