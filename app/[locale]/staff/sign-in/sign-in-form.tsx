"use client";

import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { TextField } from "@/components/form/text-field";
import { submitButtonClasses } from "@/components/button-link";

type Values = { email: string; password: string; code: string };

/**
 * Two steps in one form: e-mail and password, then — for an account with two-factor sign-in —
 * the authenticator code (or a recovery code), sent together with the kept e-mail and password.
 * The server answers fixed codes (lib/auth/authorize-staff.ts), translated here.
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("staff.signIn");
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [step, setStep] = useState<"password" | "code">("password");
  const { register, handleSubmit, setValue, getValues, setFocus } = useForm<Values>({ defaultValues: { email: "", password: "", code: "" } });

  const onSubmit = handleSubmit(({ email, password, code }) =>
    startTransition(async () => {
      const result = await signIn("credentials", { email, password, code: step === "code" ? code : "", redirect: false });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      const error = result?.error ?? "";
      const delayed = /^delayed:(\d+)$/.exec(error);
      if (error === "two_factor_required") {
        setStep("code");
        setNotice({ kind: "info", text: t("codeLead"), focus: false });
        setTimeout(() => setFocus("code"), 0);
        return;
      }
      if (error === "two_factor_invalid") {
        setNotice({ kind: "error", text: t("codeInvalid") });
        setValue("code", "");
        return;
      }
      setNotice({ kind: "error", text: delayed ? t("locked", { minutes: Number(delayed[1]) }) : error === "invalid" || error === "CredentialsSignin" ? t("invalid") : t("unexpected") });
      if (!delayed) {
        // Keep the e-mail, clear the password: the usual courtesy after a failed sign-in.
        setStep("password");
        setValue("password", "");
        setValue("code", "");
      }
    }),
  );

  const startOver = () => {
    setStep("password");
    setNotice(null);
    setValue("password", "");
    setValue("code", "");
  };

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="max-w-sm">
      <FormNotice notice={notice} />
      {step === "password" ? (
        <>
          <TextField id="email" type="email" autoComplete="username" label={t("email")} required {...register("email")} />
          <TextField id="password" type="password" autoComplete="current-password" label={t("password")} required {...register("password")} />
        </>
      ) : (
        <>
          <p className="text-muted">{t("signingInAs", { email: getValues("email") })}</p>
          <TextField id="code" type="text" inputMode="text" autoComplete="one-time-code" spellCheck={false} label={t("code")} hint={t("codeHint")} required {...register("code")} />
        </>
      )}
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <button type="submit" disabled={pending} className={submitButtonClasses}>
          {t("submit")}
        </button>
        {step === "code" ? (
          <button type="button" onClick={startOver} className="min-h-11 underline">
            {t("startOver")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
