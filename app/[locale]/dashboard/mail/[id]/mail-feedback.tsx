"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { ActionFeedback } from "@/components/form/action-feedback";
import { showToast } from "@/components/toast/toasts";

/**
 * The mail page's actions panel: a confirmation is a toast (dashboard/confirmations.ts says it), a
 * refusal the focused notice above the forms. The form that was used may be gone once the page has
 * refreshed (an attached or dismissed e-mail has nothing left to do), so focus that was lost with it
 * goes to the panel's heading (focusId) rather than to the top of the page.
 */
export function MailFeedback({ focusId, children }: { focusId: string; children: ReactNode }) {
  const wanted = useRef(false);
  useEffect(() => {
    if (!wanted.current) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        wanted.current = false;
        const active = document.activeElement;
        if (active && active !== document.body && active.isConnected) return;
        document.getElementById(focusId)?.focus();
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  });
  return (
    <ActionFeedback
      onInfo={(notice) => {
        showToast(notice.text);
        wanted.current = true;
      }}
    >
      {children}
    </ActionFeedback>
  );
}
