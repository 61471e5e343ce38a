import { notFound } from "next/navigation";
import { readyDb } from "@/db/ready";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { isAppError } from "@/lib/errors/app-error";
import { getStaffRequestView } from "@/lib/requests/staff/get-staff-request-view";
import { offeredActions } from "@/lib/requests/staff/offered-actions";
import { getLegalHold } from "@/lib/retention/get-legal-hold";
import { isUuid } from "@/lib/text/uuid";

/**
 * A request as its staff page and its action pages see it: the view (checked for this staff
 * member), its legal hold, and the actions the lifecycle table and the role offer now. A
 * malformed or unknown id is a 404.
 */
export async function loadRequestPage(id: string, me: CurrentStaff) {
  if (!isUuid(id)) notFound();
  const db = await readyDb();
  let view;
  try {
    view = await getStaffRequestView(db, { requestId: id }, me);
  } catch (error) {
    if (isAppError(error, "not_found")) notFound();
    throw error;
  }
  const hold = await getLegalHold(db, view.request.id);
  const offered = offeredActions(view.allowedActions, me.role, { contested: view.contested, legalHold: hold !== null && !hold.anonymisedAt });
  return { view, hold, offered };
}
