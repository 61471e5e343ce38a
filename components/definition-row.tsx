import type { ReactNode } from "react";

/** One term and its value in a <dl> of details (a request's, an e-mail's). */
export function DefinitionRow({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium">{label}</dt>
      <dd className="break-words whitespace-pre-wrap">{children}</dd>
    </>
  );
}
