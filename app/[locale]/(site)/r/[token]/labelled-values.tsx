import type { ReactNode } from "react";

/**
 * Label: value pairs. On a phone they stack, so the label is small and muted and the value
 * larger and bold: one never reads as the other. From `sm` up they sit side by side.
 */
export function LabelledValues({ children }: { children: ReactNode }) {
  return <dl className="mt-3 grid gap-x-6 sm:grid-cols-[max-content_1fr] sm:gap-y-3">{children}</dl>;
}

/** `prose`: a sentence or more (a reason, a law), set in normal weight so it stays easy to read. */
export function LabelledValue({ label, children, testId, prose = false }: { label: string; children: ReactNode; testId?: string; prose?: boolean }) {
  return (
    <>
      <dt className="mt-3 text-sm text-muted first:mt-0 sm:mt-0 sm:text-base">{label}</dt>
      <dd className={`whitespace-pre-wrap break-words ${prose ? "" : "font-semibold"}`} data-testid={testId}>
        {children}
      </dd>
    </>
  );
}
