"use client";

import { useTranslations } from "next-intl";
import { useActionState, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { lazyResolver } from "@/components/form/lazy-resolver";
import { sendToAction } from "@/components/form/use-hydrated";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { TextField } from "@/components/form/text-field";
import { INTAKE_FIELD_ERRORS, readFieldError } from "@/lib/validation/field-error-codes";
import { useFieldErrorText } from "@/components/form/use-field-error-text";
import { resendCodeAction, verifyCodeAction, type ResendCodeState, type VerifyCodeState } from "./actions";
import { submitButtonClasses } from "@/components/button-link";

// The schema (and zod) come when the form is first used, not with the page.
const check = lazyResolver(() => import("@/lib/validation/public-form-checks").then((checks) => checks.verificationCodeCheck));

type IntakeT = ReturnType<typeof useTranslations<"intake">>;

function explainVerify(state: Exclude<VerifyCodeState, null>, t: IntakeT): string {
  switch (state.error) {
    case "invalid":
      return t("verify.invalid", { attemptsLeft: state.attemptsLeft });
    case "expired":
      return t("verify.expired");
    case "locked":
      return t("verify.locked");
    case "invalid_link":
      return t("confirm.invalidLink");
    case "rate_limited":
      return t("errors.rateLimited", { minutes: state.retryAfterMinutes });
    case "format":
      return t(`errors.${readFieldError(state.message, INTAKE_FIELD_ERRORS, "invalidCode")?.key ?? "invalidCode"}`, { max: 0 });
    default:
      return t("errors.unexpected");
  }
}

function explainResend(state: Exclude<ResendCodeState, null>, t: IntakeT): Notice {
  if (state.ok) return { kind: "info", text: t("verify.resent") };
  return { kind: "error", text: state.error === "rate_limited" ? t("errors.rateLimited", { minutes: state.retryAfterMinutes }) : t("errors.unexpected") };
}

/**
 * Both forms post to their server action by themselves before JavaScript runs (method="post", the
 * action as `action`); once it runs, the code is checked in the browser first and sent by script.
 */
export function VerifyForm({ requestId }: { requestId: string }) {
  const t = useTranslations("intake");
  const [verifyState, verify, verifying] = useActionState(verifyCodeAction, null);
  const [resendState, resend, resending] = useActionState(resendCodeAction, null);
  const { register, handleSubmit, formState } = useForm<{ code: string }>({
    resolver: check.resolver,
    defaultValues: { code: "" },
  });
  const pending = verifying || resending;

  // Which form answered last: tracked once the script runs; before, only one can have answered.
  const [lastSent, setLastSent] = useState<"verify" | "resend" | null>(null);
  const shown = lastSent ?? (verifyState ? "verify" : resendState ? "resend" : null);
  // Memoised so the notice takes focus once per answer, not on every render.
  const notice = useMemo<Notice | null>(() => {
    if (shown === "verify" && verifyState) return { kind: "error", text: explainVerify(verifyState, t) };
    if (shown === "resend" && resendState) return explainResend(resendState, t);
    return null;
  }, [shown, verifyState, resendState, t]);

  const fieldErrorText = useFieldErrorText();

  return (
    <div className="max-w-md">
      <FormNotice notice={notice} />
      <form
        action={verify}
        method="post"
        noValidate
        onFocus={check.preload}
        onSubmit={handleSubmit((values, event) => {
          setLastSent("verify");
          sendToAction(verify)(values, event);
        })}
      >
        <input type="hidden" name="requestId" value={requestId} />
        <TextField
          id="code"
          label={t("verify.code")}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          error={fieldErrorText(formState.errors.code?.message)}
          required
          {...register("code")}
        />
        <button type="submit" disabled={pending} className={`mt-4 ${submitButtonClasses}`}>
          {t("verify.submit")}
        </button>
      </form>
      <p className="mt-6 text-sm text-muted">{t("verify.noEmail")}</p>
      <form action={resend} method="post" onSubmit={() => setLastSent("resend")}>
        <input type="hidden" name="requestId" value={requestId} />
        <button type="submit" disabled={pending} className="mt-2 rounded-md border border-brand-700 px-4 py-2 text-brand-800 hover:bg-brand-50">
          {t("verify.resend")}
        </button>
      </form>
    </div>
  );
}
