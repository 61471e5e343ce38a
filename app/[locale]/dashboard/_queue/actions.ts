"use server";

import { revalidatePath } from "next/cache";
import { staffAction, type StaffActionFailure } from "@/lib/auth/staff-action";
import { isLocale } from "@/lib/i18n/locales";
import { bulkAssign, type BulkAssignOutcome } from "@/lib/requests/staff/bulk-assign";

/** What the queue's bulk bar shows after a post: the rows changed and the rows refused with why. */
export type BulkAssignState = null | ({ ok: true } & BulkAssignOutcome) | StaffActionFailure;

/**
 * The queue's bulk assign (and the `a` key, with one request): "to" is "me", "nobody" or "other"
 * (then "assigneeId" names the colleague); the ticked rows are "requestIds". A form post, so it
 * works without a script too.
 */
export async function bulkAssignAction(_previous: BulkAssignState, formData: FormData): Promise<BulkAssignState> {
  const locale = formData.get("locale");
  return staffAction({
    name: "bulkAssign",
    permission: "requests.work",
    run: async ({ db, staff }) => {
      const to = formData.get("to");
      const assigneeId = to === "me" ? staff.id : to === "nobody" ? null : String(formData.get("assigneeId") ?? "");
      const outcome = await bulkAssign(db, { requestIds: formData.getAll("requestIds").map(String), assigneeId }, staff);
      if (isLocale(locale)) revalidatePath(`/${locale}/dashboard`);
      return { ok: true as const, ...outcome };
    },
  });
}
