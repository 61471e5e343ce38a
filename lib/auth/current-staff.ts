import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import type { Staff } from "@/db/schema";
import { readyDb } from "@/db/ready";
import { getAuthSecret } from "./auth-secret";
import { can, type Permission } from "./permissions";
import { validateStaffSession, type ValidSession } from "./staff-sessions";

export type CurrentStaff = Pick<Staff, "id" | "email" | "name" | "role" | "locale">;

// next-auth's cookie: "__Secure-" prefixed when the app is served over https.
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * The session behind this request's cookie, checked against its server-side record and the staff
 * row on every call (once per request): revoked, idle, expired or out-of-date sessions and
 * disabled accounts count as signed out.
 */
export const getStaffSession = cache(async (): Promise<ValidSession | null> => {
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!raw) return null;
  let token;
  try {
    token = await decode({ token: raw, secret: getAuthSecret() });
  } catch {
    return null;
  }
  const sessionId = typeof token?.sessionId === "string" ? token.sessionId : null;
  if (!sessionId) return null;
  return validateStaffSession(await readyDb(), { sessionId, sessionVersion: typeof token?.sessionVersion === "number" ? token.sessionVersion : 0 });
});

/** The signed-in staff member with a full session (not one that is still enrolling two-factor). */
export async function getCurrentStaff(): Promise<CurrentStaff | null> {
  const valid = await getStaffSession();
  if (!valid || valid.session.stage !== "active") return null;
  const { id, email, name, role, locale } = valid.staff;
  return { id, email, name, role, locale };
}

export type StaffCheck = { ok: true; staff: CurrentStaff } | { ok: false; status: 401 | 403 };

/** For server actions and route handlers: 401 without a valid session, 403 for a role without the permission (none: any signed-in staff). */
export async function checkStaff(permission?: Permission): Promise<StaffCheck> {
  const current = await getCurrentStaff();
  if (!current) return { ok: false, status: 401 };
  if (permission && !can(current.role, permission)) return { ok: false, status: 403 };
  return { ok: true, staff: current };
}
