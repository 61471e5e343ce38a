"use server";

import { after } from "next/server";
import { runPublicAction } from "@/lib/actions/public-action";
import type { Locale } from "@/lib/i18n/locales";
import { sendStatusLinks, type SendLinksResult } from "@/lib/requests/send-status-links";
import { findRequestsSchema } from "@/lib/validation/request-forms";

export type FindState = SendLinksResult | { ok: false; error: "unexpected" } | { ok: false; error: "invalid"; message: string };

export async function findRequestsAction(locale: Locale, email: string): Promise<FindState> {
  const parsed = findRequestsSchema.safeParse({ email });
  if (!parsed.success) return { ok: false, error: "invalid", message: parsed.error.issues[0]?.message ?? "invalidEmail" };
  return runPublicAction("findRequests", ({ db, ip }) => sendStatusLinks(db, { email: parsed.data.email, locale, ip }, new Date(), (work) => after(work)));
}
