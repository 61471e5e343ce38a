"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { useFailureMessage } from "@/components/form/use-failure-message";
import { TextField } from "@/components/form/text-field";
import { LEGAL_HOLD_REASON_MAX, placeLegalHoldFormSchema } from "@/lib/retention/retention-schemas";
import { parseErrorCode } from "@/lib/validation/request-forms";
import { liftLegalHoldAction, placeLegalHoldAction, type LegalHoldActionResult } from "./legal-hold-actions";
import { submitButtonClasses } from "@/components/button-link";

const liftSchema = z.object({ reason: z.string("invalid").trim().max(LEGAL_HOLD_REASON_MAX, `tooLong:${LEGAL_HOLD_REASON_MAX}`) });

/**
 * Place a legal hold (reason required) or lift the one in place (reason optional). The notice
 * lives outside the form, which is rebuilt when the hold changes, so "Legal hold placed." stays.
 */
export function LegalHoldForm({ requestId, held, onDone }: { requestId: string; held: boolean; onDone?: (confirmation: string) => void }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  // In a dialog that closes on success, the confirmation goes to the page (onDone).
  const outcome = (next: Notice) => (onDone && next.kind === "info" ? onDone(next.text) : setNotice(next));
  return (
    <div className="max-w-xl">
      <FormNotice notice={notice} />
      <ReasonForm key={held ? "lift" : "place"} requestId={requestId} held={held} onOutcome={outcome} />
    </div>
  );
}

function ReasonForm({ requestId, held, onOutcome }: { requestId: string; held: boolean; onOutcome: (notice: Notice) => void }) {
  const t = useTranslations("retention.legalHold");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, formState, setError } = useForm<{ reason: string }>({
    resolver: zodResolver(held ? liftSchema : placeLegalHoldFormSchema),
    defaultValues: { reason: "" },
  });

  const reasonError = (() => {
    const code = parseErrorCode(formState.errors.reason?.message);
    if (!code) return undefined;
    if (code.key === "required") return t("errors.reasonRequired");
    if (code.key === "tooLong") return t("errors.tooLong", { max: code.value ?? LEGAL_HOLD_REASON_MAX });
    return t("errors.invalid");
  })();

  const failureMessage = useFailureMessage("retention.legalHold");
  const explain = (result: Exclude<LegalHoldActionResult, { ok: true }>) => {
    const reason = result.error === "invalid" ? result.fieldErrors?.reason : undefined;
    if (reason) setError("reason", { type: "server", message: reason });
    return failureMessage(result);
  };

  const onSubmit = (values: { reason: string }) =>
    startTransition(async () => {
      try {
        const result = await (held ? liftLegalHoldAction : placeLegalHoldAction)(locale, requestId, values);
        if (result.ok) {
          onOutcome({ kind: "info", text: held ? t("lifted") : t("placed") });
          router.refresh();
        } else {
          onOutcome({ kind: "error", text: explain(result) });
        }
      } catch {
        onOutcome({ kind: "error", text: t("errors.unexpected") });
      }
    });

  return (
    <form method="post" noValidate onSubmit={handleSubmit(onSubmit)}>
      <TextField
        id={held ? "legal-hold-lift-reason" : "legal-hold-reason"}
        multiline
        rows={3}
        required={!held}
        label={held ? t("liftReason") : t("reason")}
        hint={held ? undefined : t("reasonHint")}
        error={reasonError}
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
