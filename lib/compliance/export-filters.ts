import { z } from "zod";
import { REQUEST_STATUSES } from "@/db/schema";
import { localWallTimeToInstant } from "@/lib/requests/deadlines/compute-due-at";
import { addCalendarDays } from "@/lib/requests/deadlines/working-calendar";
import { JURISDICTIONS } from "@/lib/requests/jurisdictions";
import { REQUEST_TYPES } from "@/lib/requests/request-types";

export const EXPORT_LOGS = ["requests", "audit"] as const;
export type ExportLog = (typeof EXPORT_LOGS)[number];

export const EXPORT_FORMATS = ["csv", "jsonl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// A form's empty field means "any".
const blankAsUnset = (value: unknown) => (value === "" ? undefined : value);
// Years outside 1970–2999 are typing slips (0001-01-01), and the working-day arithmetic behind
// the period (years 0–99 map to 19xx in Date.UTC) cannot represent them.
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "not a calendar date")
  .refine((value) => value >= "1970-01-01" && value <= "2999-12-31", "expected a date between 1970-01-01 and 2999-12-31");

/**
 * An export's query string. Unlike the queue's filters, a malformed value is an error (400), not
 * ignored: a compliance export must contain exactly what was asked for, or nothing.
 */
export const exportQuerySchema = z
  .object({
    format: z.preprocess(blankAsUnset, z.enum(EXPORT_FORMATS).default("csv")),
    /** First day included, in the operator's time zone. */
    from: z.preprocess(blankAsUnset, isoDate.optional()),
    /** Last day included, in the operator's time zone. */
    to: z.preprocess(blankAsUnset, isoDate.optional()),
    type: z.preprocess(blankAsUnset, z.enum(REQUEST_TYPES).optional()),
    status: z.preprocess(blankAsUnset, z.enum(REQUEST_STATUSES).optional()),
    jurisdiction: z.preprocess(blankAsUnset, z.enum(JURISDICTIONS, `expected a jurisdiction code: one of ${JURISDICTIONS.join(", ")}`).optional()),
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: "from must not be after to", path: ["to"] });

export type ExportQuery = z.output<typeof exportQuerySchema>;
export type ExportFilters = Omit<ExportQuery, "format">;

/** The instants [start, end) the filter's days cover in `timeZone`; either side open when not given. */
export function exportPeriod(filters: Pick<ExportFilters, "from" | "to">, timeZone: string): { start: Date | null; end: Date | null } {
  return {
    start: filters.from ? localWallTimeToInstant(filters.from, 0, timeZone) : null,
    end: filters.to ? localWallTimeToInstant(addCalendarDays(filters.to, 1), 0, timeZone) : null,
  };
}
