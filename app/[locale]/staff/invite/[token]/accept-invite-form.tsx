"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useMemo, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { buttonClasses } from "@/components/button-link";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { TextField } from "@/components/form/text-field";
import { acceptInviteFormSchema, type AcceptInviteFormValues } from "@/lib/auth/staff-admin-schemas";
import { useStaffAdminMessages } from "../../../dashboard/staff/use-staff-admin-messages";
import { acceptInviteAction } from "./actions";
import { submitButtonClasses } from "@/components/button-link";

const EMPTY: AcceptInviteFormValues = { password: "", confirmPassword: "" };

export function AcceptInviteForm({ token, email, minLength, signInUrl }: { token: string; email: string; minLength: number; signInUrl: string }) {
  const t = useTranslations("staffAdmin.acceptInvite");
  const messages = useStaffAdminMessages();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [done, setDone] = useState(false);
  const schema = useMemo(() => acceptInviteFormSchema(minLength), [minLength]);
  const { register, handleSubmit, formState, setError } = useForm<AcceptInviteFormValues>({
    resolver: zodResolver(schema),
    defaultValues: EMPTY,
    shouldFocusError: true,
  });
  const err = (field: keyof AcceptInviteFormValues) => messages.field(formState.errors[field]?.message);

  const onValid = (values: AcceptInviteFormValues) => {
    setNotice(null);
    startTransition(async () => {
      try {
        const result = await acceptInviteAction(token, values);
        if (result.ok) {
          setDone(true);
          return;
        }
        if (result.error === "invalid") {
          for (const [path, message] of Object.entries(result.fieldErrors)) {
            if (path in EMPTY) setError(path as keyof AcceptInviteFormValues, { type: "server", message });
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
      <div role="status" className="mt-6 max-w-xl rounded-md border-l-4 border-green-700 bg-green-50 p-4">
        <h2 className="text-xl font-semibold">{t("doneTitle")}</h2>
        <p className="mt-2">{t("doneText")}</p>
        <a href={signInUrl} className={`mt-4 ${buttonClasses()}`}>
          {t("signIn")}
        </a>
      </div>
    );
  }

  return (
    <form method="post" noValidate onSubmit={handleSubmit(onValid, () => setNotice({ kind: "error", text: messages.failure({ error: "invalid" }), focus: false }))} className="mt-6 max-w-xl" aria-busy={pending}>
      <FormNotice notice={notice} />
      {/* Tells password managers whose password this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField id="password" type="password" autoComplete="new-password" label={t("password")} hint={t("passwordHint", { min: minLength })} required error={err("password")} {...register("password")} />
      <TextField id="confirm-password" type="password" autoComplete="new-password" label={t("confirmPassword")} required error={err("confirmPassword")} {...register("confirmPassword")} />
      <button type="submit" disabled={pending} className={`mt-6 ${submitButtonClasses}`}>
        {t("submit")}
      </button>
    </form>
  );
}
