import { z } from "zod";
import type { DataCategory } from "../request-types";
import type { DetailRow, RequestTypeDefinition, StaffDetailsKey, StaffDetailValue } from "./definition";
import { categoriesField, contactFields, optionalText } from "./form-fields";
import { storedCategories, storedChoice, storedText } from "./stored-details";

/** "Delete my data": the whole account or chosen categories, with the consequences acknowledged. */

export const DELETION_SCOPES = ["account", "categories"] as const;
export type DeletionScope = (typeof DELETION_SCOPES)[number];

export type DeletionDetails = {
  type: "deletion";
  scope: DeletionScope | null;
  categories: DataCategory[];
  accountIdentifier: string | null;
  acknowledgedConsequences: boolean;
};

const formSchema = z
  .object({
    type: z.literal("deletion"),
    ...contactFields,
    scope: z.enum(DELETION_SCOPES, "chooseOne"),
    categories: categoriesField,
    accountIdentifier: optionalText(200),
    acknowledgeConsequences: z.literal(true, "mustAccept"),
  })
  // Deleting only some data needs the categories named.
  .superRefine((value, ctx) => {
    if (value.scope === "categories" && value.categories.length === 0) ctx.addIssue({ code: "custom", path: ["categories"], message: "chooseAtLeastOne" });
  });

function staffView(d: DeletionDetails): DetailRow<StaffDetailsKey, StaffDetailValue>[] {
  return [
    { label: "scope", value: { kind: "option", option: d.scope ? `scope.${d.scope}` : null } },
    ...(d.scope === "categories" ? [{ label: "categories" as const, value: { kind: "categories" as const, categories: d.categories } }] : []),
    ...(d.accountIdentifier ? [{ label: "account" as const, value: { kind: "text" as const, text: d.accountIdentifier } }] : []),
    { label: "consequences", value: { kind: "statement", text: d.acknowledgedConsequences ? "consequencesAccepted" : "consequencesMissing" } },
  ];
}

export const deletion = {
  type: "deletion",
  formSchema,
  formDefaults: { scope: "account", categories: [], accountIdentifier: "", acknowledgeConsequences: false },
  formFields: [
    { kind: "notice", tone: "warning", title: "deletionNotice.title", paragraphs: ["deletionNotice.consequences", "deletionNotice.retained"] },
    { kind: "choices", name: "scope", multiple: false, legend: "fields.scope", options: DELETION_SCOPES.map((value) => ({ value, label: `scope.${value}` as const })) },
    { kind: "choices", name: "categories", multiple: true, legend: "fields.deletionCategories", options: "categories", showWhen: { field: "scope", equals: "categories" } },
    { kind: "text", name: "accountIdentifier", label: "fields.accountIdentifier", hint: "fields.accountIdentifierHint", required: false },
    { kind: "checkbox", name: "acknowledgeConsequences", label: "fields.acknowledgeConsequences" },
  ],
  parseDetails: (details) => ({
    type: "deletion",
    scope: storedChoice(DELETION_SCOPES, details.scope),
    categories: storedCategories(details.categories),
    accountIdentifier: storedText(details.accountIdentifier),
    acknowledgedConsequences: details.acknowledgeConsequences === true,
  }),
  staffView,
  requesterSummary: (d) => [
    ...(d.categories.length > 0 ? [{ label: "fields.categories" as const, value: { kind: "categories" as const, categories: d.categories } }] : []),
    ...(d.accountIdentifier ? [{ label: "fields.accountIdentifier" as const, value: { kind: "text" as const, text: d.accountIdentifier } }] : []),
  ],
  urgent: false,
  completion: "note",
  ccpa: "delete",
} as const satisfies RequestTypeDefinition<"deletion", DeletionDetails>;
