"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { keyedTranslator, wordFailure, type Failure } from "@/lib/errors/failure-message-key";

/** The namespaces whose `errors` hold the refusals of staff actions (each area words them for itself). */
export type FailureNamespace = "dashboard" | "mail" | "retention.legalHold" | "retention.period" | "policyAdmin.publish" | "staffAdmin";


/**
 * The one place a staff action's refusal becomes a sentence: failureMessageKey picks the key,
 * the form's namespace words it, and a code the namespace does not word reads as "unexpected".
 */
export function useFailureMessage(namespace: FailureNamespace): (failure: Failure) => string {
  const t = keyedTranslator(useTranslations(namespace));
  // Stable between renders, so a notice built from it can be memoised (a new notice takes focus).
  return useCallback(
    (failure) => wordFailure(t, failure),
    [t],
  );
}
