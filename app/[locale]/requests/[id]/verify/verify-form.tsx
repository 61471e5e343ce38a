"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { TextField } from "@/components/form/text-field";
import { parseErrorCode, verificationCodeSchema } from "@/lib/validation/request-forms";
import { resendCodeAction, verifyCodeAction, type VerifyCodeState } from "./actions";
import { submitButtonClasses } from "@/components/button-link";

export function VerifyForm({ requestId }: { requestId: string }) {
  const t = useTranslations("intake");
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
  const { register, handleSubmit, formState } = useForm<{ code: string }>({
    resolver: zodResolver(verificationCodeSchema),
    defaultValues: { code: "" },
  });

  const show = (kind: Notice["kind"], text: string) => setNotice({ kind, text });

  function explain(state: VerifyCodeState): string {
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
        return t(`errors.${parseErrorCode(state.message)?.key ?? "invalidCode"}` as never);
      default:
        return t("errors.unexpected");
    }
  }

  const codeError = parseErrorCode(formState.errors.code?.message);

  return (
    <div className="max-w-md">
      <FormNotice notice={notice} />
      <form
        noValidate
        onSubmit={handleSubmit(({ code }) =>
          startTransition(async () => {
            const state = await verifyCodeAction(requestId, code);
            if (state) show("error", explain(state));
          }),
        )}
      >
        <TextField
          id="code"
          label={t("verify.code")}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          error={codeError ? t(`errors.${codeError.key}` as never) : undefined}
          required
          {...register("code")}
        />
        <button type="submit" disabled={pending} className={`mt-4 ${submitButtonClasses}`}>
          {t("verify.submit")}
        </button>
      </form>
      <p className="mt-6 text-sm text-muted">{t("verify.noEmail")}</p>
      <button
        type="button"
        disabled={pending}
        className="mt-2 rounded-md border border-brand-700 px-4 py-2 text-brand-800 hover:bg-brand-50"
        onClick={() =>
          startTransition(async () => {
            const result = await resendCodeAction(requestId);
            if (result.ok) show("info", t("verify.resent"));
            else show("error", result.error === "rate_limited" ? t("errors.rateLimited", { minutes: result.retryAfterMinutes }) : t("errors.unexpected"));
          })
        }
      >
        {t("verify.resend")}
      </button>
    </div>
  );
}
