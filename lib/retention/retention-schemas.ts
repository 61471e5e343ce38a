import { z } from "zod";
import { cleanString } from "@/lib/validation/clean-input";

/**
 * The retention forms' schemas, shared by the dashboard (react-hook-form) and lib/retention.
 * Only zod here, so client components can use them. Messages are codes the form translates
 * ("required", "wholeNumber", "outOfRange", "tooLong:1000").
 */

export const RETENTION_UNITS = ["years", "months"] as const;
export type RetentionUnit = (typeof RETENTION_UNITS)[number];

/**
 * What an admin may choose. At least six months, so that a slip of the unit ("3 months" for
 * "3 years") cannot wipe years of requests at once; at most ten years.
 */
export const RETENTION_LIMITS: Record<RetentionUnit, { min: number; max: number }> = {
  years: { min: 1, max: 10 },
  months: { min: 6, max: 120 },
};

/** How long a closed request keeps its personal data (counted from closed_at). */
export const retentionPolicySchema = z
  .object({
    amount: z.number("required").int("wholeNumber"),
    unit: z.enum(RETENTION_UNITS, "chooseOne"),
  })
  .superRefine((value, ctx) => {
    const limits = RETENTION_LIMITS[value.unit];
    if (value.amount < limits.min || value.amount > limits.max) ctx.addIssue({ code: "custom", path: ["amount"], message: "outOfRange" });
  });

export type RetentionPolicyInput = z.input<typeof retentionPolicySchema>;
export type RetentionPeriod = z.output<typeof retentionPolicySchema>;

/** Three years after closing, unless an admin chose otherwise. */
export const DEFAULT_RETENTION: RetentionPeriod = { amount: 3, unit: "years" };

export const LEGAL_HOLD_REASON_MAX = 1_000;

/** The form part of placing a hold: the reason is required (it is what justifies keeping the data). */
export const placeLegalHoldFormSchema = z.object({
  reason: cleanString().trim().min(1, "required").max(LEGAL_HOLD_REASON_MAX, `tooLong:${LEGAL_HOLD_REASON_MAX}`),
});

/** Placing (hold: true, reason required) or lifting (hold: false, reason optional) a legal hold. */
export const setLegalHoldSchema = z
  .object({
    requestId: z.uuid("invalid"),
    hold: z.boolean("invalid"),
    reason: cleanString("invalid").trim().max(LEGAL_HOLD_REASON_MAX, `tooLong:${LEGAL_HOLD_REASON_MAX}`).default(""),
  })
  .superRefine((value, ctx) => {
    if (value.hold && value.reason === "") ctx.addIssue({ code: "custom", path: ["reason"], message: "required" });
  });

export type SetLegalHoldInput = z.input<typeof setLegalHoldSchema>;
