import type { ReactNode } from "react";
import { ScrollFrame } from "./scroll-frame";

/**
 * A dashboard table: scrolls sideways inside its own frame on a narrow screen (the page never does), has a caption (shown, or for screen
 * readers only) and a header row of column headings. The body rows are the children.
 */
export function DataTable({
  caption,
  captionClassName = "sr-only",
  columns,
  className = "",
  children,
}: {
  caption: ReactNode;
  captionClassName?: string;
  columns: readonly ReactNode[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <ScrollFrame label={typeof caption === "string" ? caption : undefined} className={className}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className={captionClassName}>{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            {columns.map((column, index) => (
              <th key={index} scope="col" className={index < columns.length - 1 ? "py-2 pr-4" : "py-2"}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </ScrollFrame>
  );
}
