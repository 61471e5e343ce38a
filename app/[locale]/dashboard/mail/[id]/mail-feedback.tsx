"use client";

import { type ReactNode } from "react";
import { ActionFeedback } from "@/components/form/action-feedback";
import { useRefocusWhenLost } from "@/components/form/use-refocus-when-lost";
import { showToast } from "@/components/toast/toasts";

/**
 * The mail page's actions panel: a confirmation is a toast (dashboard/confirmations.ts says it), a
 * refusal the focused notice above the forms. The form that was used may be gone once the page has
 * refreshed (an attached or dismissed e-mail has nothing left to do), so focus that was lost with it
 * goes to the panel's heading (focusId) rather than to the top of the page.
 */
export function MailFeedback({ focusId, children }: { focusId: string; children: ReactNode }) {
  const refocus = useRefocusWhenLost(() => document.getElementById(focusId));
  return (
    <ActionFeedback
      onInfo={(notice) => {
        showToast(notice.text);
        refocus();
      }}
    >
      {children}
    </ActionFeedback>
  );
}
