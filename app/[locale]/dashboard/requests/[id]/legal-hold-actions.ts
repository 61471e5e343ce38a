"use server";

import { revalidatePath } from "next/cache";
import { staffAction, type StaffActionFailure } from "@/lib/auth/staff-action";
import type { Locale } from "@/lib/i18n/locales";
import { answerForm, posted, type ActionFormState } from "./answer-form";
import { setLegalHold } from "@/lib/retention/set-legal-hold";

export type LegalHoldActionResult = { ok: true } | StaffActionFailure;

/** Compliance officers and admins (checked here, and again by setLegalHold); refusals come back as codes. */
async function runLegalHold(locale: Locale, requestId: string, input: { hold: boolean; reason: string }): Promise<LegalHoldActionResult> {
  return staffAction({
    name: "setLegalHold",
    permission: "legalHold.set",
    logContext: { requestId },
    run: async ({ db, staff }) => {
      await setLegalHold(db, { requestId, hold: input.hold, reason: input.reason }, staff);
      revalidatePath(`/${locale}/dashboard/requests/${requestId}`);
      revalidatePath(`/${locale}/dashboard/retention`);
      return { ok: true as const };
    },
  });
}

async function placeLegalHoldAction(locale: Locale, requestId: string, input: { reason: string }): Promise<LegalHoldActionResult> {
  return runLegalHold(locale, requestId, { hold: true, reason: String(input?.reason ?? "") });
}

async function liftLegalHoldAction(locale: Locale, requestId: string, input: { reason: string }): Promise<LegalHoldActionResult> {
  return runLegalHold(locale, requestId, { hold: false, reason: String(input?.reason ?? "") });
}

/** Places a hold (`hold=place`, reason required) or lifts the one in place (`hold=lift`), from its dialog or its own page. */
export async function legalHoldFormAction(_previous: ActionFormState, formData: FormData): Promise<ActionFormState> {
  const place = posted(formData, "hold") === "place";
  return answerForm(formData, "legal_hold", ["reason"], (locale, requestId, { reason }) =>
    (place ? placeLegalHoldAction : liftLegalHoldAction)(locale, requestId, { reason: reason ?? "" }),
  );
}
