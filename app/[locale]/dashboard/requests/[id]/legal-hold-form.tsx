"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { submitButtonClasses } from "@/components/button-link";
import { FormNotice } from "@/components/form/form-notice";
import { TextField } from "@/components/form/text-field";
import { sendToAction } from "@/components/form/use-hydrated";
import { LEGAL_HOLD_REASON_MAX, placeLegalHoldFormSchema } from "@/lib/retention/retention-schemas";
import { parseErrorCode } from "@/lib/validation/request-forms";
import { PlaceFields, useActionForm, type ActionFormPlace } from "./action-forms";
import { legalHoldFormAction } from "./legal-hold-actions";
import { useConfirmationText } from "../../confirmations";

const liftSchema = z.object({ reason: z.string("invalid").trim().max(LEGAL_HOLD_REASON_MAX, `tooLong:${LEGAL_HOLD_REASON_MAX}`) });

/**
 * Place a legal hold (reason required) or lift the one in place (reason optional), in the request
 * page's dialog or on the action's own page.
 */
export function LegalHoldForm({ held: heldNow, ...place }: ActionFormPlace & { held: boolean }) {
  const t = useTranslations("retention.legalHold");
  // The form places or lifts the hold as it was when the form opened: the page refreshes with the
  // new hold in the same answer that says it was placed, and that must still read "placed".
  const [held] = useState(heldNow);
  const { refused, dispatch, pending, notice, typed } = useActionForm(legalHoldFormAction, useConfirmationText()("legal_hold", { legalHeld: !held }), place.onDone, "retention.legalHold");
  const { register, handleSubmit, formState } = useForm<{ reason: string }>({
    resolver: zodResolver(held ? liftSchema : placeLegalHoldFormSchema),
    defaultValues: { reason: typed("reason") },
  });

  const reasonError = (() => {
    const code = parseErrorCode(formState.errors.reason?.message ?? refused?.fieldErrors?.reason);
    if (!code) return undefined;
    if (code.key === "required") return t("errors.reasonRequired");
    if (code.key === "tooLong") return t("errors.tooLong", { max: code.value ?? LEGAL_HOLD_REASON_MAX });
    return t("errors.invalid");
  })();

  return (
    <form action={dispatch} method="post" noValidate onSubmit={handleSubmit(sendToAction(dispatch))} className="max-w-xl">
      <FormNotice notice={notice} />
      {held ? null : <p className="mb-2 text-sm">{t("placeLead")}</p>}
      <PlaceFields {...place} />
      <input type="hidden" name="hold" value={held ? "lift" : "place"} />
      <TextField
        id={held ? "legal-hold-lift-reason" : "legal-hold-reason"}
        multiline
        rows={3}
        required={!held}
        label={held ? t("liftReason") : t("reason")}
        hint={held ? undefined : t("reasonHint")}
        error={reasonError}
        defaultValue={typed("reason")}
        {...register("reason")}
      />
      <button
        type="submit"
        disabled={pending}
        className={
          held
            ? "mt-4 inline-flex min-h-11 items-center rounded-md border border-slate-400 bg-white px-5 py-2 font-semibold text-ink hover:bg-slate-100 disabled:opacity-60"
            : `mt-4 ${submitButtonClasses}`
        }
      >
        {held ? t("lift") : t("place")}
      </button>
    </form>
  );
}
