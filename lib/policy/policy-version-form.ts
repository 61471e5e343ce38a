import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { cleanString } from "@/lib/validation/clean-input";
import { dateInputToIso } from "@/lib/validation/date-input";

/**
 * The publish form's schema, shared by the dashboard (react-hook-form) and
 * publishPolicyVersionAsAdmin. Only zod here, so client components can use it; the limits are
 * publishPolicyVersionSchema's, the messages codes the form translates.
 */
export const POLICY_VERSION_MAX = 40;
export const POLICY_TITLE_MAX = 300;
export const POLICY_BODY_MAX = 200_000;

export const policyVersionFormSchema = z.object({
  locale: z.enum(LOCALES, "chooseOne"),
  version: z
    .string("required")
    .trim()
    .min(1, "required")
    .max(POLICY_VERSION_MAX, `tooLong:${POLICY_VERSION_MAX}`)
    .regex(/^[\p{L}\p{N}._-]+$/u, "invalidVersion"),
  title: cleanString().trim().min(1, "required").max(POLICY_TITLE_MAX, `tooLong:${POLICY_TITLE_MAX}`),
  body: cleanString().trim().min(1, "required").max(POLICY_BODY_MAX, `tooLong:${POLICY_BODY_MAX}`),
  effectiveOn: z.string("invalidDate").transform(dateInputToIso).pipe(z.iso.date("invalidDate")),
});

export type PolicyVersionFormInput = z.input<typeof policyVersionFormSchema>;
