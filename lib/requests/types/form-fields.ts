import { z } from "zod";
import { JURISDICTIONS } from "@/lib/requests/jurisdictions";
import { cleanName, cleanString } from "@/lib/validation/clean-input";
import { DATA_CATEGORIES } from "../request-types";
import { REPRESENTATIVE_RELATIONS } from "./form-constants";

/**
 * The pieces every request form's schema is built from, shared by react-hook-form in the browser
 * and the server action. Messages are codes ("required", "tooLong:200"); the form translates them
 * next to the field.
 */

export { REPRESENTATIVE_RELATIONS };

export const requiredText = (max: number) => cleanString().trim().min(1, "required").max(max, `tooLong:${max}`);
export const optionalText = (max: number) => cleanString("invalid").trim().max(max, `tooLong:${max}`).default("");
const nameText = (max: number) => cleanName().trim().min(1, "required").max(max, `tooLong:${max}`);
const optionalName = (max: number) => cleanName("invalid").trim().max(max, `tooLong:${max}`).default("");

/** Who is asking and how to reach them: every form has these; they get columns of their own. */
export const contactFields = {
  name: nameText(200),
  email: z.string("required").trim().min(1, "required").max(254, "tooLong:254").pipe(z.email("invalidEmail")),
  phone: z
    .string("invalid")
    .trim()
    .max(30, "tooLong:30")
    .refine((value) => value === "" || /^\+?[0-9][0-9 ()-]{4,24}$/.test(value), "invalidPhone")
    .default(""),
  jurisdiction: z.enum(JURISDICTIONS, "chooseOne"),
  onBehalf: z.boolean("invalid").default(false),
  representativeRelation: z.enum(REPRESENTATIVE_RELATIONS, "chooseOne").optional(),
  subjectName: optionalName(200),
  comment: optionalText(5000),
  consent: z.literal(true, "mustAccept"),
};

/** The contact fields' keys that have columns of their own; the rest of a form goes into requests.details. */
export const CONTACT_COLUMNS = ["type", "name", "email", "phone", "jurisdiction", "onBehalf", "representativeRelation", "subjectName", "consent"] as const;

/** A representative says for whom and how they act. */
export function representativeRule(value: { onBehalf?: unknown; representativeRelation?: unknown; subjectName?: unknown }, ctx: z.RefinementCtx) {
  if (!value.onBehalf) return;
  if (!value.representativeRelation) ctx.addIssue({ code: "custom", path: ["representativeRelation"], message: "chooseOne" });
  if (!value.subjectName) ctx.addIssue({ code: "custom", path: ["subjectName"], message: "required" });
}

// A checkbox group with nothing ticked reaches the schema as false (react-hook-form) or missing.
export const categoriesField = z.preprocess(
  (value) => (value === false || value === undefined ? [] : value),
  z.array(z.enum(DATA_CATEGORIES, "chooseOne"), "chooseAtLeastOne").max(DATA_CATEGORIES.length),
);
