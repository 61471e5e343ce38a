"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { TextField } from "@/components/form/text-field";
import { submitButtonClasses } from "@/components/button-link";
import { postedFields } from "@/components/form/use-hydrated";
import { signInAction, type SignInState } from "./actions";

type Values = { email: string; password: string; code: string };

/**
 * Two steps: e-mail and password, then — for an account with two-factor sign-in — the
 * authenticator code (or a recovery code), sent with the ticket the first step gave instead of
 * the password. The server action is the form's action, so both steps work before JavaScript
 * runs; the answers are fixed codes, translated here.
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("staff.signIn");
  const locale = useLocale();
  const [state, formAction, actionPending] = useActionState(signInAction, null);
  const [submitting, startTransition] = useTransition();
  const pending = actionPending || submitting;
  const step = state?.step ?? "password";
  const { register, handleSubmit, setValue, setFocus } = useForm<Values>({ defaultValues: { email: state?.email ?? "", password: "", code: "" } });

  // After an answer: the password and a refused code are cleared, focus goes where to type next.
  useEffect(() => {
    if (!state) return;
    setValue("password", "");
    setValue("code", "");
    if (state.step === "code") setFocus("code");
    else if (state.error !== "delayed") setFocus("password");
  }, [state, setValue, setFocus]);

  const notice = noticeOf(state, t);
  const startOver = `/${locale}/staff/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;

  return (
    <form
      action={formAction}
      noValidate
      onSubmit={handleSubmit((_values, event) => {
        const form = event?.target instanceof HTMLFormElement ? event.target : null;
        if (form) startTransition(() => formAction(postedFields(form)));
      })}
      className="max-w-sm"
    >
      <FormNotice notice={notice} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state?.step === "code" ? (
        <>
          <input type="hidden" name="ticket" value={state.ticket} />
          <input type="hidden" name="email" value={state.email} />
          <p className="text-muted">{t("signingInAs", { email: state.email })}</p>
          <TextField id="code" type="text" inputMode="text" autoComplete="one-time-code" spellCheck={false} label={t("code")} hint={t("codeHint")} required {...register("code")} />
        </>
      ) : (
        <>
          <TextField id="email" type="email" autoComplete="username" label={t("email")} required defaultValue={state?.email ?? ""} {...register("email")} />
          <TextField id="password" type="password" autoComplete="current-password" label={t("password")} required {...register("password")} />
        </>
      )}
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <button type="submit" disabled={pending} className={submitButtonClasses}>
          {t("submit")}
        </button>
        {step === "code" ? (
          <a href={startOver} className="inline-flex min-h-11 items-center underline">
            {t("startOver")}
          </a>
        ) : null}
      </div>
    </form>
  );
}

function noticeOf(state: SignInState, t: ReturnType<typeof useTranslations<"staff.signIn">>): Notice | null {
  if (!state) return null;
  if (state.error === "delayed") return { kind: "error", text: t("locked", { minutes: state.minutes ?? 1 }) };
  if (state.error === "unexpected") return { kind: "error", text: t("unexpected") };
  if (state.step === "code") return state.error === "two_factor_invalid" ? { kind: "error", text: t("codeInvalid") } : { kind: "info", text: t("codeLead"), focus: false };
  if (state.error === "ticket_expired") return { kind: "error", text: t("ticketExpired") };
  return { kind: "error", text: t("invalid") };
}
