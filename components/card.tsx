import type { ReactNode } from "react";

/** A bordered panel; `as` keeps the semantics right (article, section, li). */
export function Card({
  as: Tag = "div",
  children,
  className = "",
  ...rest
}: {
  as?: "div" | "article" | "section" | "li";
  children: ReactNode;
  className?: string;
  "aria-labelledby"?: string;
}) {
  return (
    <Tag {...rest} className={`rounded-lg border border-slate-200 bg-white p-5 shadow-sm ${className}`}>
      {children}
    </Tag>
  );
}
