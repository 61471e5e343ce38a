"use server";

import { revalidatePath } from "next/cache";
import type { Db } from "@/db/client";
import { removeCalendarDay, saveCalendarDay } from "@/lib/admin/calendar-days";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { staffAction } from "@/lib/auth/staff-action";
import type { AppError } from "@/lib/errors/app-error";
import type { CalendarDayInput } from "@/lib/validation/calendar-day";

export type CalendarActionResult = { ok: true } | { ok: false; error: "unauthorized" | "forbidden" | "invalid" | "unexpected"; fieldErrors?: Record<string, string> };

function refusal(error: AppError): Exclude<CalendarActionResult, { ok: true }> {
  if (error.code === "invalid") return { ok: false, error: "invalid", fieldErrors: error.fieldErrors };
  return { ok: false, error: error.code === "forbidden" ? "forbidden" : "unexpected" };
}

/** Admins only (checked here, and again by the domain function); the calendar page is rendered anew. */
async function calendarAction(name: string, change: (db: Db, staff: CurrentStaff) => Promise<unknown>): Promise<CalendarActionResult> {
  return staffAction({
    name,
    permission: "calendar.manage",
    refusal,
    run: async ({ db, staff }) => {
      await change(db, staff);
      revalidatePath("/[locale]/dashboard/calendar", "page");
      return { ok: true as const };
    },
  });
}

export async function saveCalendarDayAction(input: CalendarDayInput): Promise<CalendarActionResult> {
  return calendarAction("saveCalendarDay", (db, staff) => saveCalendarDay(db, input, staff));
}

export async function removeCalendarDayAction(input: { jurisdiction: string; day: string }): Promise<CalendarActionResult> {
  return calendarAction("removeCalendarDay", (db, staff) => removeCalendarDay(db, input, staff));
}
