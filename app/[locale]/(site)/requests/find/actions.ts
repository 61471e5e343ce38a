"use server";

import { after } from "next/server";
import { runPublicAction } from "@/lib/actions/public-action";
import { getEnv } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locales";
import { sendStatusLinks, type SendLinksResult } from "@/lib/requests/send-status-links";
import { findRequestsSchema } from "@/lib/validation/request-forms";

/** The answer, and the address as typed when it was refused (so it is not lost). */
export type FindState = null | SendLinksResult | { ok: false; error: "unexpected" } | { ok: false; error: "invalid"; message: string; email: string };

/** The lost-link form's action, sent by the page's script or posted by the browser before JavaScript runs. */
export async function findRequestsAction(_previous: FindState, formData: FormData): Promise<FindState> {
  const posted = formData.get("locale");
  const locale = isLocale(posted) ? posted : getEnv().DEFAULT_LOCALE;
  const email = formData.get("email");
  const parsed = findRequestsSchema.safeParse({ email });
  if (!parsed.success) return { ok: false, error: "invalid", message: parsed.error.issues[0]?.message ?? "invalidEmail", email: typeof email === "string" ? email : "" };
  return runPublicAction("findRequests", ({ db, ip }) => sendStatusLinks(db, { email: parsed.data.email, locale, ip }, new Date(), (work) => after(work)));
}
