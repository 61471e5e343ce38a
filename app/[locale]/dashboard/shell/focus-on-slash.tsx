"use client";

import { useEffect } from "react";

/** Where typing "/" means the character itself, not "go to search". */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** The help-desk shortcut: "/" anywhere on a dashboard page (outside a field) puts the cursor in the search box. */
export function FocusOnSlash({ inputId }: { inputId: string }) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // The "/" key itself, whatever it types in the current layout (on a Russian or Kazakh keyboard it types ".").
      const slash = event.key === "/" || (event.code === "Slash" && !event.shiftKey);
      if (!slash || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target)) return;
      const input = document.getElementById(inputId);
      if (!(input instanceof HTMLInputElement)) return;
      event.preventDefault();
      input.focus();
      input.select();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [inputId]);
  return null;
}
