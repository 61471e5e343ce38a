"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { failureMessageKey } from "@/lib/errors/failure-message-key";

/** The namespaces whose `errors` hold the refusals of staff actions (each area words them for itself). */
export type FailureNamespace = "dashboard" | "mail" | "retention.legalHold" | "retention.period" | "policyAdmin.publish" | "staffAdmin";

type Failure = { error: string; reason?: string; retryAfterMinutes?: number };
type KeyedTranslator = { (key: string, values?: Record<string, number>): string; has(key: string): boolean };

/**
 * The one place a staff action's refusal becomes a sentence: failureMessageKey picks the key,
 * the form's namespace words it, and a code the namespace does not word reads as "unexpected".
 */
export function useFailureMessage(namespace: FailureNamespace): (failure: Failure) => string {
  // The key is built from a code at run time, so it cannot be checked against the catalogue's types here.
  const t = useTranslations(namespace) as unknown as KeyedTranslator;
  // Stable between renders, so a notice built from it can be memoised (a new notice takes focus).
  return useCallback(
    (failure) => {
      const key = failureMessageKey(failure);
      return t(t.has(key) ? key : "errors.unexpected", { minutes: failure.retryAfterMinutes ?? 1 });
    },
    [t],
  );
}
