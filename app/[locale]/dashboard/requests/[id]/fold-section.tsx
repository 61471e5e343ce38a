import type { ReactNode } from "react";

/** A folded card of the request page: its title and how many items it holds, opened on click. */
export function FoldSection({ testId, title, count, open, children }: { testId: string; title: ReactNode; count: number; open?: boolean; children: ReactNode }) {
  return (
    <details open={open} className="rounded-lg border border-slate-200 bg-white shadow-sm" data-testid={testId}>
      <summary className="cursor-pointer rounded-lg px-4 py-3 text-lg font-semibold">
        <h2 className="inline">{title}</h2> <span className="text-base font-normal text-muted">({count})</span>
      </summary>
      {children}
    </details>
  );
}
