import type { z } from "zod";
import type { RequestType } from "@/lib/requests/request-types";
import type { Correction, RequestForm, requestFormSchemaFor } from "@/lib/requests/types";

// Types only: shared by the form (first load) and its check (fetched on first use).

// One loose shape for every form: the contact fields, then whatever the type's module asks
// (lib/requests/types); the zod resolver of the chosen type does the checking.
export type FormValues = {
  type: RequestType;
  name: string;
  email: string;
  phone: string;
  jurisdiction: string;
  onBehalf: boolean;
  representativeRelation?: string;
  subjectName: string;
  comment: string;
  consent: boolean;
  corrections?: Correction[];
} & Partial<Record<Exclude<TypeFieldName, "corrections">, unknown>>;

/** Every field name a type's form has besides the contact fields (from the registry's schemas). */
export type TypeFieldName = Exclude<FieldsOf<RequestForm>, "type" | "name" | "email" | "phone" | "jurisdiction" | "onBehalf" | "representativeRelation" | "subjectName" | "comment" | "consent">;
type FieldsOf<T> = T extends unknown ? keyof T & string : never;

/** A form as its type's schema passed it (sent to the server action, which parses it again). */
export type CheckedForm = z.output<ReturnType<typeof requestFormSchemaFor>>;
