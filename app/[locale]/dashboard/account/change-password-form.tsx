"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { sendToAction } from "@/components/form/use-hydrated";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { TextField } from "@/components/form/text-field";
import { changePasswordFormSchema, type ChangePasswordFormValues } from "@/lib/auth/staff-admin-schemas";
import { useStaffAdminMessages } from "../staff/use-staff-admin-messages";
import { changeOwnPasswordAction, signOutEverywhereAction } from "./actions";
import { submitButtonClasses } from "@/components/button-link";

const EMPTY: ChangePasswordFormValues = { currentPassword: "", newPassword: "", confirmPassword: "" };

export function ChangePasswordForm({ email, minLength }: { email: string; minLength: number }) {
  const t = useTranslations("staffAdmin.account");
  const messages = useStaffAdminMessages();
  const locale = useLocale();
  const [result, change, pending] = useActionState(changeOwnPasswordAction, null);
  const schema = useMemo(() => changePasswordFormSchema(minLength), [minLength]);
  const { register, handleSubmit, formState } = useForm<ChangePasswordFormValues>({
    resolver: zodResolver(schema),
    defaultValues: EMPTY,
    shouldFocusError: true,
  });
  const [clientRefused, setClientRefused] = useState(0);
  // The server's field problems stand until the browser's own check speaks.
  const serverFieldErrors: Record<string, string> =
    result && !result.ok ? (result.error === "wrong_password" ? { currentPassword: "wrong_password" } : result.error === "invalid" ? (result.fieldErrors ?? {}) : {}) : {};
  const err = (field: keyof ChangePasswordFormValues) => messages.field(formState.errors[field]?.message ?? serverFieldErrors[field]);
  // One notice per answer (memoised: it takes focus when it changes).
  const notice = useMemo<Notice | null>(() => {
    if (result?.ok) return { kind: "info", text: t("changed") };
    if (result && result.error === "wrong_password") return { kind: "error", text: messages.failure({ error: "invalid" }), focus: false };
    if (result) return { kind: "error", text: messages.failure(result) };
    if (clientRefused > 0) return { kind: "error", text: messages.failure({ error: "invalid" }), focus: false };
    return null;
  }, [result, clientRefused, messages, t]);

  if (result?.ok) {
    // Every session has ended; this form clears the cookie and leads to the sign-in page.
    return (
      <form action={signOutEverywhereAction} method="post" className="max-w-xl">
        <FormNotice notice={notice} />
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className={submitButtonClasses}>
          {t("signInAgain")}
        </button>
      </form>
    );
  }

  return (
    <form
      action={change}
      method="post"
      noValidate
      onSubmit={handleSubmit(
        sendToAction(change),
        () => setClientRefused((count) => count + 1),
      )}
      className="max-w-xl"
      aria-busy={pending}
    >
      <FormNotice notice={notice} />
      {/* Tells password managers whose password this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField id="current-password" type="password" autoComplete="current-password" label={t("currentPassword")} required error={err("currentPassword")} {...register("currentPassword")} />
      <TextField id="new-password" type="password" autoComplete="new-password" label={t("newPassword")} hint={t("passwordHint", { min: minLength })} required error={err("newPassword")} {...register("newPassword")} />
      <TextField id="confirm-password" type="password" autoComplete="new-password" label={t("confirmPassword")} required error={err("confirmPassword")} {...register("confirmPassword")} />
      <button type="submit" disabled={pending} className={`mt-6 ${submitButtonClasses}`}>
        {t("submit")}
      </button>
    </form>
  );
}
