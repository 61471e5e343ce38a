import { z } from "zod";
import { JURISDICTIONS } from "@/lib/requests/jurisdictions";
import { DATA_CATEGORIES, REQUEST_TYPES } from "@/lib/requests/request-types";
import { cleanName, cleanString } from "./clean-input";
import { dateInputToIso } from "./date-input";

/**
 * The intake forms' schemas, shared by react-hook-form in the browser and the server action.
 * Messages are codes ("required", "tooLong:200"); the form translates them next to the field.
 */

export const REPRESENTATIVE_RELATIONS = ["parent_guardian", "legal_representative", "authorized_agent"] as const;
export const ACCESS_FORMATS = ["pdf", "json", "csv"] as const;
export const PASSWORD_CHANGED = ["yes", "no", "cannot"] as const;
export const DELETION_SCOPES = ["account", "categories"] as const;

const text = (max: number) => cleanString().trim().min(1, "required").max(max, `tooLong:${max}`);
const optionalText = (max: number) => cleanString("invalid").trim().max(max, `tooLong:${max}`).default("");
const nameText = (max: number) => cleanName().trim().min(1, "required").max(max, `tooLong:${max}`);
const optionalName = (max: number) => cleanName("invalid").trim().max(max, `tooLong:${max}`).default("");

const contactFields = {
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

// A checkbox group with nothing ticked reaches the schema as false (react-hook-form) or missing.
const categories = z.preprocess(
  (value) => (value === false || value === undefined ? [] : value),
  z.array(z.enum(DATA_CATEGORIES, "chooseOne"), "chooseAtLeastOne").max(DATA_CATEGORIES.length),
);

const accessSchema = z.object({
  type: z.literal("access"),
  ...contactFields,
  categories: categories.refine((list) => list.length > 0, "chooseAtLeastOne"),
  format: z.enum(ACCESS_FORMATS, "chooseOne"),
});

export const correctionItemSchema = z.object({
  field: text(200),
  currentValue: optionalText(1000),
  correctedValue: text(1000),
});

const correctionSchema = z.object({
  type: z.literal("correction"),
  ...contactFields,
  corrections: z.array(correctionItemSchema, "required").min(1, "required").max(10, "tooMany:10"),
});

const deletionSchema = z.object({
  type: z.literal("deletion"),
  ...contactFields,
  scope: z.enum(DELETION_SCOPES, "chooseOne"),
  categories,
  accountIdentifier: optionalText(200),
  acknowledgeConsequences: z.literal(true, "mustAccept"),
});

/** A date (YYYY-MM-DD) that is not in the future; "today" is judged with a day of slack for time zones. */
// Typed in the page's format (date-input.ts), kept as an ISO date.
const pastDate = z.string("invalidDate").transform(dateInputToIso).pipe(z.iso.date("invalidDate")).refine((value) => new Date(`${value}T00:00:00Z`).getTime() <= Date.now() + 86_400_000, "futureDate");

const credentialMisuseSchema = z.object({
  type: z.literal("credential_misuse"),
  ...contactFields,
  accountIdentifier: text(200),
  noticedOn: pastDate,
  whatHappened: text(5000),
  passwordChanged: z.enum(PASSWORD_CHANGED, "chooseOne"),
});

type WithOnBehalf = { onBehalf: boolean; representativeRelation?: string; subjectName: string };

/** Rules that join fields: a representative says for whom and how; chosen categories need one. */
function crossFieldRules(value: WithOnBehalf & { type: string; scope?: string; categories?: string[] }, ctx: z.RefinementCtx) {
  if (value.onBehalf) {
    if (!value.representativeRelation) ctx.addIssue({ code: "custom", path: ["representativeRelation"], message: "chooseOne" });
    if (!value.subjectName) ctx.addIssue({ code: "custom", path: ["subjectName"], message: "required" });
  }
  if (value.type === "deletion" && value.scope === "categories" && (value.categories?.length ?? 0) === 0) {
    ctx.addIssue({ code: "custom", path: ["categories"], message: "chooseAtLeastOne" });
  }
}

export const requestFormSchema = z
  .discriminatedUnion("type", [accessSchema, correctionSchema, deletionSchema, credentialMisuseSchema])
  .superRefine(crossFieldRules);

export type RequestFormInput = z.input<typeof requestFormSchema>;
export type RequestForm = z.output<typeof requestFormSchema>;

/** One form's schema, for react-hook-form's resolver (the union would accept any type). */
export function requestFormSchemaFor(type: (typeof REQUEST_TYPES)[number]) {
  const byType = { access: accessSchema, correction: correctionSchema, deletion: deletionSchema, credential_misuse: credentialMisuseSchema };
  return byType[type].superRefine(crossFieldRules);
}

/** The honeypot: a field people never see; bots fill it in. */
export const HONEYPOT_FIELD = "website";

export const verificationCodeSchema = z.object({
  code: z
    .string("invalidCode")
    .trim()
    .transform((value) => value.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "invalidCode")),
});

export const findRequestsSchema = z.object({
  email: z.string("required").trim().min(1, "required").max(254, "tooLong:254").pipe(z.email("invalidEmail")),
});

export const requesterMessageSchema = z.object({
  body: text(10_000),
});

/** Splits a message code such as "tooLong:200" into the catalogue key and its argument. */
export function parseErrorCode(message: string | undefined): { key: string; value?: number } | null {
  if (!message) return null;
  const [key, value] = message.split(":");
  return { key: key!, value: value ? Number(value) : undefined };
}
