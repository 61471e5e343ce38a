"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useMemo, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { TextField } from "@/components/form/text-field";
import { changePasswordFormSchema, type ChangePasswordFormValues } from "@/lib/auth/staff-admin-schemas";
import { useStaffAdminMessages } from "../staff/use-staff-admin-messages";
import { changeOwnPasswordAction } from "./actions";
import { submitButtonClasses } from "@/components/button-link";

const EMPTY: ChangePasswordFormValues = { currentPassword: "", newPassword: "", confirmPassword: "" };

export function ChangePasswordForm({ email, minLength, signInUrl }: { email: string; minLength: number; signInUrl: string }) {
  const t = useTranslations("staffAdmin.account");
  const messages = useStaffAdminMessages();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [done, setDone] = useState(false);
  const schema = useMemo(() => changePasswordFormSchema(minLength), [minLength]);
  const { register, handleSubmit, formState, setError, reset } = useForm<ChangePasswordFormValues>({
    resolver: zodResolver(schema),
    defaultValues: EMPTY,
    shouldFocusError: true,
  });
  const err = (field: keyof ChangePasswordFormValues) => messages.field(formState.errors[field]?.message);

  const onValid = (values: ChangePasswordFormValues) => {
    setNotice(null);
    startTransition(async () => {
      try {
        const result = await changeOwnPasswordAction(values);
        if (result.ok) {
          reset(EMPTY);
          setDone(true);
          setNotice({ kind: "info", text: t("changed") });
          return;
        }
        if (result.error === "wrong_password") {
          setError("currentPassword", { type: "server", message: "wrong_password" }, { shouldFocus: true });
          setNotice({ kind: "error", text: messages.failure({ error: "invalid" }), focus: false });
          return;
        }
        if (result.error === "invalid" && result.fieldErrors) {
          for (const [path, message] of Object.entries(result.fieldErrors)) {
            if (path in EMPTY) setError(path as keyof ChangePasswordFormValues, { type: "server", message });
          }
        }
        setNotice({ kind: "error", text: messages.failure(result) });
      } catch {
        setNotice({ kind: "error", text: messages.failure({ error: "unexpected" }) });
      }
    });
  };

  if (done) {
    return (
      <div className="max-w-xl">
        <FormNotice notice={notice} />
        <button
          type="button"
          onClick={() => signOut({ callbackUrl: signInUrl })}
          className={submitButtonClasses}
        >
          {t("signInAgain")}
        </button>
      </div>
    );
  }

  return (
    <form method="post" noValidate onSubmit={handleSubmit(onValid, () => setNotice({ kind: "error", text: messages.failure({ error: "invalid" }), focus: false }))} className="max-w-xl" aria-busy={pending}>
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
