"use client";

import { useEffect, useRef } from "react";
import { ROW_CHECKBOX_SELECTOR } from "./bulk-form-id";

/** The header's checkbox: ticks or clears every row on this page, and shows "some" when only some are ticked. */
export function SelectAllOnPage({ label }: { label: string }) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const sync = () => {
      const rows = Array.from(document.querySelectorAll<HTMLInputElement>(ROW_CHECKBOX_SELECTOR));
      const ticked = rows.filter((row) => row.checked).length;
      if (!box.current) return;
      box.current.checked = rows.length > 0 && ticked === rows.length;
      box.current.indeterminate = ticked > 0 && ticked < rows.length;
    };
    sync();
    document.addEventListener("change", sync);
    return () => document.removeEventListener("change", sync);
  }, []);
  return (
    <input
      ref={box}
      type="checkbox"
      aria-label={label}
      className="h-5 w-5 accent-brand-700"
      onChange={(event) => {
        for (const row of document.querySelectorAll<HTMLInputElement>(ROW_CHECKBOX_SELECTOR)) row.checked = event.target.checked;
        document.dispatchEvent(new Event("change"));
      }}
    />
  );
}
