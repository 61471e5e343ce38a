import { forbidden, redirect } from "next/navigation";
import type { StaffRole } from "@/db/schema";
import type { Locale } from "@/lib/env";
import { checkStaff, type CurrentStaff } from "./current-staff";

/**
 * For dashboard pages: sends a visitor without a valid session to the sign-in page (and back
 * afterwards), and answers 403 to a staff member whose role may not see the page.
 */
export async function requireStaff({ locale, roles, returnTo }: { locale: Locale; roles?: readonly StaffRole[]; returnTo: string }): Promise<CurrentStaff> {
  const check = await checkStaff(roles);
  if (check.ok) return check.staff;
  if (check.status === 401) redirect(`/${locale}/staff/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  forbidden();
}
