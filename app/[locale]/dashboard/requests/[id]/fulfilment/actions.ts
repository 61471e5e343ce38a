"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { staffAction } from "@/lib/auth/staff-action";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { appRunDeps } from "@/lib/fulfilment/runs/app-run-deps";
import { approveErasure } from "@/lib/fulfilment/runs/approve-erasure";
import { applyCorrections } from "@/lib/fulfilment/runs/apply-corrections";
import { planCorrectionRun } from "@/lib/fulfilment/runs/plan-correction-run";
import { collectAccessData } from "@/lib/fulfilment/runs/collect-access-data";
import { deliverAccessPackage } from "@/lib/fulfilment/runs/deliver-access-package";
import { executeErasure } from "@/lib/fulfilment/runs/execute-erasure";
import { planErasureAgain, planErasureRun } from "@/lib/fulfilment/runs/plan-erasure-run";
import { retryHttpCall } from "@/lib/fulfilment/http/retry-http-call";
import type { Permission } from "@/lib/auth/permissions";
import { keyedTranslator, wordFailure, type Failure } from "@/lib/errors/failure-message-key";
import { isUuid } from "@/lib/text/uuid";

/** What a fulfilment button's form shows after the action: nothing, or a sentence. */
export type FulfilmentActionState = { error: string | null };

/** Who may press which button (the domain functions check again, at the data). */
const VERBS = {
  collect: "fulfilment.run",
  deliver: "fulfilment.run",
  plan: "fulfilment.run",
  planAgain: "fulfilment.run",
  retryCall: "fulfilment.run",
  approve: "fulfilment.approve",
  resume: "fulfilment.approve",
  planCorrection: "fulfilment.run",
  applyCorrections: "fulfilment.run",
} as const satisfies Record<string, Permission>;
type Verb = keyof typeof VERBS;

/** A refusal in the panel's words (fulfilment.panel.errors), by the one mapping the staff forms use. */
async function explain(locale: Locale, failure: Failure): Promise<string> {
  return wordFailure(keyedTranslator(await getTranslations({ locale, namespace: "fulfilment.panel" })), failure);
}

const isVerb = (value: string): value is Verb => Object.hasOwn(VERBS, value);

/**
 * One server action for the panel's buttons (a form post that works before JavaScript): the verb,
 * the request and the run come from the form, each checked; the domain functions check the role again.
 */
export async function fulfilmentAction(_previous: FulfilmentActionState, form: FormData): Promise<FulfilmentActionState> {
  const locale = String(form.get("locale") ?? "");
  const verb = String(form.get("verb") ?? "");
  const requestId = String(form.get("requestId") ?? "");
  const runId = String(form.get("runId") ?? "");
  const callId = String(form.get("callId") ?? "");
  if (!isLocale(locale) || !isVerb(verb) || !isUuid(requestId) || (runId && !isUuid(runId)) || (callId && !isUuid(callId))) return { error: await explain("en", { error: "unexpected" }) };
  const options = { requestId, usePhone: form.get("usePhone") === "on", useAccountId: form.get("useAccountId") === "on" };
  const result = await staffAction({
    name: `fulfilment.${verb}`,
    permission: VERBS[verb],
    logContext: { requestId, runId, callId },
    run: async ({ db, staff }) => {
      if (verb === "retryCall") {
        await retryHttpCall(db, { requestId, callId }, staff);
        return { ok: true as const };
      }
      const deps = await appRunDeps(db);
      if (verb === "collect") await collectAccessData(db, options, staff, deps);
      else if (verb === "plan") await planErasureRun(db, options, staff, deps);
      else if (verb === "planAgain") await planErasureAgain(db, { runId }, staff, deps);
      else if (verb === "deliver") await deliverAccessPackage(db, { runId }, staff, deps.key);
      else if (verb === "approve") await approveErasure(db, { runId }, staff, deps);
      else if (verb === "planCorrection") await planCorrectionRun(db, { requestId }, staff, deps);
      else if (verb === "applyCorrections") await applyCorrections(db, { runId, approved: form.getAll("approve").map(Number).filter(Number.isInteger) }, staff, deps);
      else await executeErasure(db, { runId }, staff, deps);
      return { ok: true as const };
    },
  });
  revalidatePath(`/${locale}/dashboard/requests/${requestId}`);
  if ("ok" in result && result.ok) return { error: null };
  return { error: await explain(locale, result) };
}
