"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { fieldErrorText } from "./field-error-text";

/** fieldErrorText with next-intl's `intake.errors`, for the forms that load next-intl's client anyway. */
export function useFieldErrorText(): (message: string | undefined) => string | undefined {
  const t = useTranslations("intake.errors");
  return useCallback((message) => fieldErrorText(message, t), [t]);
}
