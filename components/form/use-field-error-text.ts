"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { INTAKE_FIELD_ERRORS, readFieldError } from "@/lib/validation/field-error-codes";

/**
 * A public form's field message code ("tooLong:200") as the sentence under the field, from
 * `intake.errors` (typed keys: a code without a text there is a type error, not a raw key on the page).
 */
export function useFieldErrorText(): (message: string | undefined) => string | undefined {
  const t = useTranslations("intake.errors");
  return useCallback(
    (message) => {
      const error = readFieldError(message, INTAKE_FIELD_ERRORS, "invalid");
      return error ? t(error.key, { max: error.value }) : undefined;
    },
    [t],
  );
}
