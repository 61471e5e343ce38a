import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useFailureMessage } from "@/components/form/use-failure-message";
import { parseErrorCode } from "@/lib/validation/request-forms";

// Message codes a field error may carry (see lib/auth/staff-admin-schemas.ts), plus refusals shown on a field.
const FIELD_CODES = new Set(["required", "tooLong", "tooShort", "invalidEmail", "chooseOne", "passwordsDiffer", "invalid", "exists", "wrong_password"]);

/**
 * Translates the staff-administration forms' codes: a field's message ("tooShort:12") and an
 * action's refusal ("last_admin", "rate_limited" with its minutes). Used by the staff, account
 * and invitation pages.
 */
export function useStaffAdminMessages() {
  const t = useTranslations("staffAdmin.errors");
  const failure = useFailureMessage("staffAdmin");
  // Stable between renders, so a notice built from it can be memoised (a new notice takes focus).
  return useMemo(() => {
    const field = (message?: string): string | undefined => {
      const parsed = parseErrorCode(message);
      if (!parsed) return undefined;
      const key = FIELD_CODES.has(parsed.key) ? parsed.key : "invalid";
      return t(key as "tooLong", { max: parsed.value ?? 0 });
    };
    return { field, failure };
  }, [t, failure]);
}
