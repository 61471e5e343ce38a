import { z } from "zod";
import { dateInputToIso } from "@/lib/validation/date-input";

/** One working-day calendar exception, shared by the admin form and lib/admin/calendar-days.ts. */
export const calendarDaySchema = z.object({
  jurisdiction: z.string().trim().regex(/^[A-Z][A-Z0-9_]{1,15}$/, "invalid"),
  day: z.string("invalidDate").transform(dateInputToIso).pipe(z.iso.date("invalidDate")),
  kind: z.enum(["holiday", "working_day"], "chooseOne"),
  name: z.string().trim().min(1, "required").max(200, "tooLong:200"),
});

export type CalendarDayInput = z.input<typeof calendarDaySchema>;
