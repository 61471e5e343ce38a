import type { ReactNode } from "react";

/** One group of properties in the right-hand panel: a small heading and its facts. */
export function PanelSection({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="border-b border-slate-200 px-4 py-3 last:border-b-0">
      <h2 id={id} className="mb-1 text-sm font-semibold tracking-wide text-muted uppercase">
        {title}
      </h2>
      {children}
    </section>
  );
}
