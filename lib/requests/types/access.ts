import { z } from "zod";
import type { DataCategory } from "../request-types";
import type { RequestTypeDefinition } from "./definition";
import { categoriesField, contactFields } from "./form-fields";
import { storedCategories, storedChoice } from "./stored-details";

/** "Show me my data": which categories, and in which format the data package comes. */

export const ACCESS_FORMATS = ["pdf", "json", "csv"] as const;
export type AccessFormat = (typeof ACCESS_FORMATS)[number];

export type AccessDetails = { type: "access"; categories: DataCategory[]; format: AccessFormat | null };

export const access = {
  type: "access",
  formSchema: z.object({
    type: z.literal("access"),
    ...contactFields,
    categories: categoriesField.refine((list) => list.length > 0, "chooseAtLeastOne"),
    format: z.enum(ACCESS_FORMATS, "chooseOne"),
  }),
  formDefaults: { categories: [], format: "pdf" },
  formFields: [
    { kind: "choices", name: "categories", multiple: true, legend: "fields.categories", options: "categories" },
    { kind: "choices", name: "format", multiple: false, legend: "fields.format", options: ACCESS_FORMATS.map((value) => ({ value, label: `format.${value}` as const })) },
  ],
  parseDetails: (details) => ({ type: "access", categories: storedCategories(details.categories), format: storedChoice(ACCESS_FORMATS, details.format) }),
  staffView: (d) => [
    { label: "categories", value: { kind: "categories", categories: d.categories } },
    ...(d.format ? [{ label: "format" as const, value: { kind: "option" as const, option: `format.${d.format}` as const } }] : []),
  ],
  requesterSummary: (d) => (d.categories.length > 0 ? [{ label: "fields.categories", value: { kind: "categories", categories: d.categories } }] : []),
  urgent: false,
  completion: "data_package",
  ccpa: "know",
} as const satisfies RequestTypeDefinition<"access", AccessDetails>;
