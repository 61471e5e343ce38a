"use client";

import { useEffect, useRef } from "react";

/** `focus: false` when focus goes to a field instead (the first one with an error). */
export type Notice = { kind: "error" | "info"; text: string; focus?: boolean };

/**
 * The message above a form after submitting: errors are announced as alerts, confirmations as
 * status, and focus moves to it so keyboard and screen-reader users hear what happened.
 */
export function FormNotice({ notice }: { notice: Notice | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice && notice.focus !== false) ref.current?.focus();
  }, [notice]);
  if (!notice) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={notice.kind === "error" ? "alert" : "status"}
      className={`mb-4 rounded-md border-l-4 p-3 font-medium ${notice.kind === "error" ? "border-red-700 bg-red-50 text-red-900" : "border-green-700 bg-green-50 text-green-950"}`}
    >
      {notice.text}
    </div>
  );
}
