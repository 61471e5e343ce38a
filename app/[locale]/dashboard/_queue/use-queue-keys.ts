"use client";

import { useEffect, useRef } from "react";

/** Where a letter key is text being typed (or a menu's type-ahead), not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest("textarea, select, [role='menu'], [role='listbox'], [role='dialog']")) return true;
  return target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
}

/**
 * The queue's keys, as help desks have them: j and k move the focus to the next and previous
 * request (its reference link, so Enter opens it), Enter on a row's checkbox opens it too, and
 * `a` hands the focused request to `assignToMe` (null: a role that may not assign). Never while typing in a field.
 */
export function useQueueKeys(assignToMe: ((requestId: string) => void) | null) {
  const assign = useRef(assignToMe);
  useEffect(() => {
    assign.current = assignToMe;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const rows = Array.from(document.querySelectorAll<HTMLElement>("[data-queue-row]"));
      if (rows.length === 0) return;
      const current = rows.findIndex((row) => row.contains(document.activeElement));
      const open = (index: number) => rows[index]?.querySelector<HTMLAnchorElement>("a[data-queue-open]");
      if (event.key === "j" || event.key === "k") {
        event.preventDefault();
        const next = current === -1 ? 0 : event.key === "j" ? Math.min(current + 1, rows.length - 1) : Math.max(current - 1, 0);
        open(next)?.focus();
        rows[next]?.scrollIntoView({ block: "nearest" });
      } else if (event.key === "a" && current !== -1 && assign.current) {
        event.preventDefault();
        const id = rows[current]!.dataset.requestId;
        if (id) assign.current(id);
      } else if (event.key === "Enter" && current !== -1 && event.target instanceof HTMLInputElement) {
        event.preventDefault();
        open(current)?.click();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
