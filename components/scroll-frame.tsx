import type { ReactNode } from "react";

/**
 * The frame a wide table scrolls in, so the page never scrolls sideways. It takes focus (keyboard
 * users can scroll it: WCAG 2.1.1) and is named after what it holds. `relative`: absolutely
 * positioned descendants (a visually hidden header text) stay inside it instead of widening the page.
 */
export function ScrollFrame({ label, labelledBy, className = "", children }: { label?: string; labelledBy?: string; className?: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} aria-labelledby={labelledBy} tabIndex={0} className={`relative min-w-0 max-w-full overflow-x-auto ${className}`.trim()}>
      {children}
    </div>
  );
}
