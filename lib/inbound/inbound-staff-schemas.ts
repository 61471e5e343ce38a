import { z } from "zod";
import { cleanString } from "@/lib/validation/clean-input";

/**
 * The unmatched-mail actions' schemas, shared by the dashboard's forms (react-hook-form) and the
 * domain functions. Only zod here, so client components can use them. Messages are codes
 * ("required", "tooLong:500") that the form translates next to the field.
 */

/** The statuses, repeated from db/schema/inbound.ts so the browser bundle needs no drizzle; a test keeps them equal. */
export const INBOUND_STATUS_CODES = ["received", "processed", "duplicate", "unmatched", "attached", "dismissed", "failed"] as const;
export const INBOUND_KIND_CODES = ["reply", "bounce", "auto_reply"] as const;
export type InboundStatusCode = (typeof INBOUND_STATUS_CODES)[number];
export type InboundAction = "attach" | "dismiss" | "retry";

/**
 * What staff can do with an e-mail in each status (the e-mail's page offers exactly these). A
 * status without actions has been dealt with; every status is listed on the mail page under its
 * own filter, so no e-mail is ever out of sight. A test checks both.
 */
export const INBOUND_STATUS_ACTIONS: Record<InboundStatusCode, readonly InboundAction[]> = {
  received: ["retry"],
  processed: [],
  duplicate: [],
  unmatched: ["attach", "dismiss"],
  attached: [],
  dismissed: [],
  failed: ["attach", "dismiss", "retry"],
};


export const DISMISS_REASON_MAX = 500;
export const ATTACH_NOTE_MAX = 2_000;
/** "DSR-2026-000123" and the shorter ways of typing it. */
export const REFERENCE_MAX = 40;

const inboundEmailId = z.uuid("invalid");

export const attachInboundSchema = z.object({
  inboundEmailId,
  reference: cleanString().trim().min(1, "required").max(REFERENCE_MAX, `tooLong:${REFERENCE_MAX}`),
  note: cleanString("invalid").trim().max(ATTACH_NOTE_MAX, `tooLong:${ATTACH_NOTE_MAX}`).default(""),
});

export const dismissInboundSchema = z.object({
  inboundEmailId,
  reason: cleanString().trim().min(1, "required").max(DISMISS_REASON_MAX, `tooLong:${DISMISS_REASON_MAX}`),
});

export const inboundRefSchema = z.object({ inboundEmailId });

/** "needs_attention" is unmatched, failed and not-yet-processed together: what a person may have to sort out. */
export const INBOUND_LIST_FILTERS = ["needs_attention", "all", ...INBOUND_STATUS_CODES] as const;
export type InboundListFilter = (typeof INBOUND_LIST_FILTERS)[number];

/** The form parts (without the id, which the page supplies). */
export const attachInboundFormSchema = attachInboundSchema.omit({ inboundEmailId: true });
export const dismissInboundFormSchema = dismissInboundSchema.omit({ inboundEmailId: true });
