"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { showToast } from "@/components/toast/toasts";
import { confirmationMessage, type ConfirmationDetail, type ConfirmedAction } from "@/lib/requests/staff/confirmation-message";

/** What an action says once done, in the page's language (lib/requests/staff/confirmation-message.ts decides which message). */
export function useConfirmationText(): (action: ConfirmedAction, detail?: ConfirmationDetail) => string {
  const t = useTranslations();
  // Stable while the language is: a memoised notice depends on it and takes focus when it changes.
  return useCallback(
    (action: ConfirmedAction, detail?: ConfirmationDetail) => {
      const { key, values } = confirmationMessage(action, detail);
      // The key decides which values it takes (confirmation-message.ts pairs them); next-intl types each key's own.
      return values ? (t as (key: string, values: Record<string, string | number>) => string)(key, values) : t(key);
    },
    [t],
  );
}

/**
 * Confirms an action done with the script by a toast in the page's language (components/toast):
 * announced, and focus stays where the caller keeps it. Refusals are not toasts: they stay next to
 * the form that was refused.
 */
export function useConfirm(): (action: ConfirmedAction, detail?: ConfirmationDetail) => void {
  const text = useConfirmationText();
  return useCallback((action, detail) => showToast(text(action, detail)), [text]);
}
