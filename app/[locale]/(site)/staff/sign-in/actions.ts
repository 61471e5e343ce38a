"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { authorizeStaff } from "@/lib/auth/authorize-staff";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { staffSessionCookie } from "@/lib/auth/session-cookie";
import { getEnv } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { errorMessage, log } from "@/lib/log";
import { clientIp } from "@/lib/security/client-ip";
import { readyDb } from "@/db/ready";

/**
 * Where the two-step sign-in stands. The password is never sent back; the code step carries the
 * ticket the password step gave (lib/auth/sign-in-ticket.ts) and the address, for display.
 */
export type SignInState =
  | null
  | { step: "password"; email: string; error: "invalid" | "delayed" | "unexpected" | "ticket_expired"; minutes?: number }
  | { step: "code"; email: string; ticket: string; error?: "two_factor_invalid" | "delayed" | "unexpected"; minutes?: number };

/**
 * Staff sign-in as the form's server action — with or without JavaScript — through the same
 * authorize logic as next-auth's credentials provider (password with its delays, then the
 * authenticator code with its own), ending in the same session cookie and a redirect to the
 * return path, which is checked again here (it came from the page).
 */
export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const requested = field("locale");
  const locale: Locale = isLocale(requested) ? requested : getEnv().DEFAULT_LOCALE;
  const returnTo = safeReturnPath(field("callbackUrl"), locale, getEnv().APP_URL);
  const ticket = field("ticket") || undefined;
  const email = field("email").trim().slice(0, 320);
  const requestHeaders = await headers();

  let outcome;
  try {
    outcome = await authorizeStaff(await readyDb(), {
      email,
      password: ticket ? "" : field("password"),
      code: ticket ? field("code") : "",
      ticket,
      ip: clientIp(requestHeaders),
      userAgent: requestHeaders.get("user-agent"),
    });
  } catch (error) {
    log.error(`staff sign-in failed: ${errorMessage(error)}`);
    return ticket ? { step: "code", email, ticket, error: "unexpected" } : { step: "password", email, error: "unexpected" };
  }
  if (outcome.ok) {
    const cookie = await staffSessionCookie(outcome.user);
    (await cookies()).set(cookie.name, cookie.value, cookie.options);
    redirect(returnTo);
  }
  const delayed = /^delayed:(\d+)$/.exec(outcome.refusal);
  if (outcome.ticket) {
    const shownEmail = outcome.email ?? email;
    if (outcome.refusal === "two_factor_required") return { step: "code", email: shownEmail, ticket: outcome.ticket };
    if (delayed) return { step: "code", email: shownEmail, ticket: outcome.ticket, error: "delayed", minutes: Number(delayed[1]) };
    return { step: "code", email: shownEmail, ticket: outcome.ticket, error: "two_factor_invalid" };
  }
  if (outcome.refusal === "ticket_expired") return { step: "password", email, error: "ticket_expired" };
  if (delayed) return { step: "password", email, error: "delayed", minutes: Number(delayed[1]) };
  return { step: "password", email, error: "invalid" };
}
