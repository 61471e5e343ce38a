"use server";

import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { NotAllowedError, removeCalendarDay, saveCalendarDay } from "@/lib/admin/calendar-days";
import type { CalendarDayInput } from "@/lib/validation/calendar-day";
import { checkStaff } from "@/lib/auth/current-staff";
import { errorMessage, log } from "@/lib/log";
import { readyDb } from "@/lib/startup/ensure-app-ready";

export type CalendarActionResult = { ok: true } | { ok: false; error: "unauthorized" | "forbidden" | "invalid" | "unexpected"; fieldErrors?: Record<string, string> };

async function run(name: string, work: (actor: { id: string; role: "admin" }) => Promise<unknown>): Promise<CalendarActionResult> {
  const check = await checkStaff(["admin"]);
  if (!check.ok) return { ok: false, error: check.status === 401 ? "unauthorized" : "forbidden" };
  try {
    await work({ id: check.staff.id, role: "admin" });
    revalidatePath("/[locale]/dashboard/calendar", "page");
    return { ok: true };
  } catch (error) {
    if (error instanceof ZodError) {
      return { ok: false, error: "invalid", fieldErrors: Object.fromEntries(error.issues.map((i) => [String(i.path[0]), i.message])) };
    }
    if (error instanceof NotAllowedError) return { ok: false, error: "forbidden" };
    log.error(`action ${name} failed: ${errorMessage(error)}`);
    return { ok: false, error: "unexpected" };
  }
}

export async function saveCalendarDayAction(input: CalendarDayInput): Promise<CalendarActionResult> {
  return run("saveCalendarDay", async (actor) => saveCalendarDay(await readyDb(), input, actor));
}

export async function removeCalendarDayAction(input: { jurisdiction: string; day: string }): Promise<CalendarActionResult> {
  return run("removeCalendarDay", async (actor) => removeCalendarDay(await readyDb(), input, actor));
}
