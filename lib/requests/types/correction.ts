import { z } from "zod";
import type { Correction, RequestTypeDefinition } from "./definition";
import { MAX_CORRECTIONS } from "./form-constants";
import { contactFields, optionalText, requiredText } from "./form-fields";

/** "Correct my data": one or more fields, what they say now and what they should say. */

export { MAX_CORRECTIONS };

export const correctionItemSchema = z.object({
  field: requiredText(200),
  currentValue: optionalText(1000),
  correctedValue: requiredText(1000),
});

export type CorrectionDetails = { type: "correction"; corrections: Correction[] };

function storedCorrections(value: unknown): Correction[] {
  if (!Array.isArray(value)) return [];
  return value.map((item: Record<string, unknown> | null) => ({
    field: String(item?.field ?? ""),
    currentValue: String(item?.currentValue ?? ""),
    correctedValue: String(item?.correctedValue ?? ""),
  }));
}

export const correction = {
  type: "correction",
  formSchema: z.object({
    type: z.literal("correction"),
    ...contactFields,
    corrections: z.array(correctionItemSchema, "required").min(1, "required").max(MAX_CORRECTIONS, `tooMany:${MAX_CORRECTIONS}`),
  }),
  formDefaults: { corrections: [{ field: "", currentValue: "", correctedValue: "" }] },
  formFields: [{ kind: "corrections" }],
  parseDetails: (details) => ({ type: "correction", corrections: storedCorrections(details.corrections) }),
  staffView: (d) => [{ label: "corrections", value: { kind: "corrections", corrections: d.corrections } }],
  requesterSummary: (d) => (d.corrections.length > 0 ? [{ label: "fields.corrections", value: { kind: "corrections", corrections: d.corrections } }] : []),
  urgent: false,
  completion: "note",
  ccpa: "correct",
} as const satisfies RequestTypeDefinition<"correction", CorrectionDetails>;
