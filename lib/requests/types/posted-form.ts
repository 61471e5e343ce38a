import { isRequestType } from "../request-types";
import { MAX_CORRECTIONS } from "./correction";
import type { FormField } from "./definition";
import { REQUEST_TYPE_REGISTRY } from "./index";

/**
 * A request form as the browser posts it by itself (before or without JavaScript): one field per
 * input, named as react-hook-form registers them ("corrections.0.field", a checkbox group repeated
 * under one name, a ticked box as "on"). Turned into the shape the script sends as JSON, so one
 * schema judges both. Which fields a type has comes from its module (`formFields`); files are read
 * separately.
 */
export type PostedRequestForm = Record<string, unknown>;

const CONTACT_TEXT = ["name", "email", "phone", "jurisdiction", "subjectName", "comment"] as const;
const CONTACT_BOXES = ["onBehalf", "consent"] as const;
const CORRECTION_PART = /^corrections\.(\d{1,2})\.(field|currentValue|correctedValue)$/;

export function requestFormFromFormData(formData: FormData): PostedRequestForm {
  const text = (key: string) => {
    const value = formData.get(key);
    return typeof value === "string" ? value : undefined;
  };
  const ticked = (key: string) => text(key) === "on" || text(key) === "true";
  const type = text("type");
  const values: PostedRequestForm = { type };
  for (const key of CONTACT_TEXT) values[key] = text(key) ?? "";
  for (const key of CONTACT_BOXES) values[key] = ticked(key);
  // An empty choice in the "who are you to them" select means no choice.
  const relation = text("representativeRelation");
  if (relation) values.representativeRelation = relation;
  if (!isRequestType(type)) return values;

  const fields: readonly FormField[] = REQUEST_TYPE_REGISTRY[type].formFields;
  for (const field of fields) {
    if (field.kind === "text" || field.kind === "date") values[field.name] = text(field.name) ?? "";
    else if (field.kind === "checkbox") values[field.name] = ticked(field.name);
    else if (field.kind === "choices" && field.multiple) values[field.name] = formData.getAll(field.name).filter((value): value is string => typeof value === "string");
    else if (field.kind === "choices") values[field.name] = text(field.name);
    else if (field.kind === "corrections") values.corrections = postedCorrections(formData);
  }
  return values;
}

/** The numbered correction rows, in their order; rows past the limit are not read. */
function postedCorrections(formData: FormData): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  for (const [key, value] of formData.entries()) {
    const match = CORRECTION_PART.exec(key);
    if (!match || typeof value !== "string") continue;
    const index = Number(match[1]);
    if (index >= MAX_CORRECTIONS) continue;
    (rows[index] ??= { field: "", currentValue: "", correctedValue: "" })[match[2]!] = value;
  }
  return rows.filter(Boolean);
}
