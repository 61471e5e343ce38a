import { forbidden, redirect } from "next/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { checkStaff, getStaffSession, type CurrentStaff } from "./current-staff";
import type { Permission } from "./permissions";

/**
 * For dashboard pages: sends a visitor without a valid session to the sign-in page (and back
 * afterwards), one who still has to set up two-factor sign-in to the enrolment page, and answers
 * 403 to a staff member whose role lacks the page's permission.
 */
export async function requireStaff({ locale, permission, returnTo }: { locale: Locale; permission: Permission; returnTo: string }): Promise<CurrentStaff> {
  const check = await checkStaff(permission);
  if (check.ok) return check.staff;
  const back = `callbackUrl=${encodeURIComponent(returnTo)}`;
  if (check.status === 401) {
    const pending = await getStaffSession();
    if (pending?.session.stage === "two_factor_enrolment") redirect(`/${locale}/staff/two-factor?${back}`);
    redirect(`/${locale}/staff/sign-in?${back}`);
  }
  forbidden();
}
