import type { ReactNode } from "react";

/** Page-width wrapper with phone-friendly side padding (works down to 360 px). */
export function Container({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <div className={`mx-auto w-full max-w-5xl px-4 sm:px-6 ${className}`}>{children}</div>;
}
