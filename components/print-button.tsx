"use client";

import { useHydrated } from "./form/use-hydrated";

/**
 * Opens the browser's print dialog; the print stylesheet (globals.css, .print-only-this) keeps only
 * the receipt. Shown once the script runs: before, it could do nothing (the browser's own Print
 * uses the same stylesheet).
 */
export function PrintButton({ label }: { label: string }) {
  if (!useHydrated()) return null;
  return (
    <button type="button" onClick={() => window.print()} className="rounded border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50 print:hidden">
      {label}
    </button>
  );
}
