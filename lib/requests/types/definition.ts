import type { z } from "zod";
import type { Messages } from "@/lib/i18n/messages";
import type { Leaves } from "@/lib/i18n/plain-translator";
import type { DataCategory, RequestType } from "../request-types";
import type { contactFields } from "./form-fields";

type ContactShape = typeof contactFields;


/** A text of the request forms and the requester's summary: a key under `intake`. */
export type IntakeKey = Leaves<Messages["intake"]>;
/** A label on the staff request page: a key under `dashboard.details`. */
export type StaffDetailsKey = Leaves<Messages["dashboard"]["details"]>;
/** A choice's name: a key under `intake.options` ("format.pdf"). */
export type OptionKey = Leaves<Messages["intake"]["options"]>;

/** The CCPA's request types (11 CCR §7102(a)(1)) a portal type can count under. */
export type CcpaRight = "know" | "delete" | "correct";

export type Correction = { field: string; currentValue: string; correctedValue: string };

/** One value of what the requester asked, as a page shows it. Each kind has one renderer per page. */
export type DetailValue =
  /** The requester's own words (shown isolated, `<bdi>`); "—" when missing. */
  | { kind: "text"; text: string | null }
  /** A calendar date they gave (YYYY-MM-DD); "—" when missing. */
  | { kind: "date"; iso: string | null }
  /** A choice they made, named in the reader's language; "—" when missing. */
  | { kind: "option"; option: OptionKey | null }
  /** Data categories; none chosen reads "not specified". */
  | { kind: "categories"; categories: DataCategory[] }
  /** Field, value now, value wanted: a table on the staff page, a list for the requester. */
  | { kind: "corrections"; corrections: Correction[] };

/** On the staff page a value may also be a fact stated in the staff's words ("acknowledged by the requester"). */
export type StaffDetailValue = DetailValue | { kind: "statement"; text: StaffDetailsKey };

export type DetailRow<Label extends string, Value = DetailValue> = { label: Label; value: Value };

/** A field of the request form beyond the contact fields, in order; the form renders each kind. */
export type FormField =
  /** A box of advice before the fields: a title, paragraphs, bullets and a closing line. */
  | { kind: "notice"; tone: "warning" | "danger"; title: IntakeKey; paragraphs?: IntakeKey[]; bullets?: IntakeKey[]; emphasis?: IntakeKey }
  /** Radio buttons (one) or checkboxes (several): listed options, or the policy's data categories; shown only while `showWhen` holds. */
  | { kind: "choices"; name: string; multiple: boolean; legend: IntakeKey; options: readonly { value: string; label: OptionKey }[] | "categories"; showWhen?: { field: string; equals: string } }
  | { kind: "text"; name: string; label: IntakeKey; hint?: IntakeKey; multiline?: boolean; required: boolean }
  | { kind: "date"; name: string; label: IntakeKey; required: boolean }
  | { kind: "checkbox"; name: string; label: IntakeKey }
  /** The list of corrections (field, value now, value wanted; add and remove) and supporting documents. */
  | { kind: "corrections" };

/**
 * Everything one request type brings (README "How to add a request type"). `Details` is what the
 * staff and the requester see of its answers, read back from `requests.details` by `parseDetails`
 * — the one place that reads that JSON.
 */
export type RequestTypeDefinition<T extends RequestType, Details extends { type: RequestType }> = {
  type: T;
  /** The type's own form fields (the contact fields are added by the registry), with their cross-field rules. */
  formSchema: z.ZodObject<{ type: z.ZodLiteral<T> } & ContactShape & z.ZodRawShape>;
  /** The form's starting values for the type's own fields. */
  formDefaults: Record<string, unknown>;
  /** The type's fields on the form, in order. */
  formFields: readonly FormField[];
  /**
   * Reads `requests.details` as stored at intake. Never throws: anonymised requests hold `{}`, so
   * every answer falls back to empty.
   */
  parseDetails: (details: Record<string, unknown>) => Details;
  /** What staff see of the answers on the request page (a row per answer, `dashboard.details` labels). */
  staffView: (details: Details) => DetailRow<StaffDetailsKey, StaffDetailValue>[];
  /** What the requester sees of their own answers on the status page (`intake.fields` labels). */
  requesterSummary: (details: Details) => DetailRow<IntakeKey>[];
  /** Filed as urgent (the queue puts it first) and offered first on the home page. */
  urgent: boolean;
  /** What staff must give to complete it: a data package (files) or a note saying what was done. */
  completion: "data_package" | "note";
  /** The CCPA §7102 report's request type it counts under (a line of the report and its CSV export), or null when it is no CCPA request. */
  ccpa: CcpaRight | null;
};
