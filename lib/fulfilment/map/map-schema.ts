import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { DATA_CATEGORIES } from "@/lib/requests/request-types";

/**
 * The shape of a data map (README "Fulfilment: writing a data map"). Names of schemas, tables and
 * columns are plain SQL identifiers: they are the only text that ever becomes part of a statement
 * (quoted), so anything else is refused here.
 */
const identifier = z
  .string({ message: "expected a name" })
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, { message: "expected a plain SQL name: letters, digits and _, not starting with a digit, at most 63 characters" });

export const IDENTITY_KINDS = ["email", "phone", "account_id"] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/** What erasure does to one field of a row that stays. */
export const FIELD_ERASURES = ["set_null", "mask", "hash", "keep"] as const;
export type FieldErasure = (typeof FIELD_ERASURES)[number];

/** What erasure does to a collection: delete its rows, change some fields, or keep it whole. */
export const COLLECTION_ERASURES = ["delete_row", "fields", "keep"] as const;
export type CollectionErasure = (typeof COLLECTION_ERASURES)[number];

/** Shown to the requester, so in every language they can write in. */
const reason = z.object(Object.fromEntries(LOCALES.map((locale) => [locale, z.string().trim().min(1).max(500)])) as Record<(typeof LOCALES)[number], z.ZodString>, {
  message: `expected the legal reason in every language: ${LOCALES.join(", ")}`,
});
export type LocalizedReason = z.infer<typeof reason>;

const fieldSchema = z.strictObject({
  column: identifier,
  category: z.enum(DATA_CATEGORIES, { message: `expected a policy category: one of ${DATA_CATEGORIES.join(", ")}` }),
  identity: z.enum(IDENTITY_KINDS, { message: `expected an identity kind: one of ${IDENTITY_KINDS.join(", ")}` }).optional(),
  erase: z.enum(FIELD_ERASURES, { message: `expected one of ${FIELD_ERASURES.join(", ")}` }).optional(),
  /** The fixed value `mask` writes. */
  mask: z.string().max(200).optional(),
  reason: reason.optional(),
});

const referenceSchema = z.strictObject({
  /** This collection's column that holds the other's value. */
  column: identifier,
  /** `table.column` in the same source. */
  to: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}\.[A-Za-z_][A-Za-z0-9_]{0,62}$/, { message: "expected table.column of a collection in the same source" }),
  /**
   * both: rows on either side lead to each other (a user's devices, a device's user).
   * to_parent: only from this collection to the other (a lookup table shared by everyone must never lead back to other people's rows).
   */
  follow: z.enum(["both", "to_parent"], { message: "expected both or to_parent" }).default("both"),
});

const collectionSchema = z.strictObject({
  table: identifier,
  /** The column that identifies a row (primary key). */
  key: identifier.default("id"),
  erase: z.enum(COLLECTION_ERASURES, { message: `expected one of ${COLLECTION_ERASURES.join(", ")}` }),
  reason: reason.optional(),
  references: z.array(referenceSchema).default([]),
  fields: z.array(fieldSchema).min(1, { message: "list at least one field with personal data" }),
});

const sourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, { message: "expected a short id: lower-case letters, digits, - and _" }),
  type: z.enum(["postgres"], { message: "expected postgres (an HTTP endpoint goes under http_sources)" }),
  title: z.string().trim().min(1).max(200),
  schema: identifier.default("public"),
  collections: z.array(collectionSchema).min(1, { message: "list at least one collection" }),
});

const correctionSchema = z.strictObject({
  /** A short key for the field staff see. */
  field: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: "expected a short key such as full_name" }),
  /** What requesters may write in the correction form's "field" box (any language, compared case-insensitively). */
  labels: z.array(z.string().trim().min(1).max(200)).min(1),
  /** source.table.column */
  target: z.string().regex(/^[a-z][a-z0-9_-]{0,39}\.[A-Za-z_][A-Za-z0-9_]{0,62}\.[A-Za-z_][A-Za-z0-9_]{0,62}$/, { message: "expected source.table.column" }),
});

/** Where the operator's endpoint takes a call; https, or http only on this machine (the body holds the requester's identities). */
const endpointUrl = z.url({ protocol: /^https?$/, message: "expected an https:// address" }).refine((text) => {
  const url = new URL(text);
  return url.protocol === "https:" || ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}, { message: "expected https:// (plain http only to 127.0.0.1 or localhost)" });

/** A collection an endpoint's access answer holds, with the policy category of each field, so the package speaks the policy's language. */
const httpCollectionSchema = z.strictObject({
  table: identifier,
  fields: z
    .array(z.strictObject({ column: identifier, category: fieldSchema.shape.category }))
    .min(1, { message: "list at least one field with personal data" }),
});

/**
 * A system the operator cannot open to SQL (auth service, analytics vendor): a signed POST per
 * request type to its own URL (lib/fulfilment/http). Its signing key is stored sealed, like a
 * connection URL.
 */
const httpSourceSchema = z
  .strictObject({
    id: sourceSchema.shape.id,
    title: z.string().trim().min(1).max(200),
    calls: z.strictObject({
      /** Answers with the requester's rows: { collections: [{ table, rows: [...] }] }. */
      access: endpointUrl.optional(),
      /** Erases them and answers with counts: { counts: { table: rows } }. */
      erasure: endpointUrl.optional(),
      /** "Secure this account" on a verified credential-misuse report: { actions: [...] }. */
      secure_account: endpointUrl.optional(),
    }),
    timeout_seconds: z.number().int().min(1, { message: "expected 1 to 60 seconds" }).max(60, { message: "expected 1 to 60 seconds" }).default(10),
    collections: z.array(httpCollectionSchema).default([]),
  })
  .refine((source) => Object.values(source.calls).some(Boolean), { message: "list at least one call: access, erasure or secure_account", path: ["calls"] })
  .refine((source) => !source.calls.access || source.collections.length > 0, { message: "an access call needs `collections`: what its answer holds and each field's category", path: ["collections"] });

export const dataMapSchema = z.strictObject({
  /** Raised with every change, recorded on every run. */
  version: z.number({ message: "expected a whole number" }).int({ message: "expected a whole number" }).min(1, { message: "expected a whole number from 1" }),
  sources: z.array(sourceSchema).min(1, { message: "list at least one source" }),
  http_sources: z.array(httpSourceSchema).default([]),
  corrections: z.array(correctionSchema).default([]),
});

export type DataMap = z.infer<typeof dataMapSchema>;
export type MapSource = DataMap["sources"][number];
export type MapCollection = MapSource["collections"][number];
export type MapField = MapCollection["fields"][number];
export type MapReference = MapCollection["references"][number];
export type MapCorrection = DataMap["corrections"][number];
export type MapHttpSource = DataMap["http_sources"][number];
export type HttpCallKind = keyof MapHttpSource["calls"];

/** What the access package and the confirmation e-mail need of any source: its title and its collections' fields by category. */
export type DescribedSource = { id: string; title: string; collections: { table: string; fields: { column: string; category: MapField["category"] }[] }[] };

/** A source of either kind by its id. */
export function describedSource(map: DataMap, id: string): DescribedSource | undefined {
  return map.sources.find((source) => source.id === id) ?? map.http_sources.find((source) => source.id === id);
}

/** The http sources that take a call of this kind. */
export function httpSourcesFor(map: DataMap, kind: HttpCallKind): MapHttpSource[] {
  return map.http_sources.filter((source) => source.calls[kind]);
}
