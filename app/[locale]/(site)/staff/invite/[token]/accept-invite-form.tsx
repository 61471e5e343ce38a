"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useActionState, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { buttonClasses } from "@/components/button-link";
import { sendToAction } from "@/components/form/use-hydrated";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { TextField } from "@/components/form/text-field";
import { acceptInviteFormSchema, type AcceptInviteFormValues } from "@/lib/auth/staff-admin-schemas";
import { useStaffAdminMessages } from "../../../../dashboard/staff/use-staff-admin-messages";
import { acceptInviteAction } from "./actions";
import { submitButtonClasses } from "@/components/button-link";

const EMPTY: AcceptInviteFormValues = { password: "", confirmPassword: "" };

export function AcceptInviteForm({ token, email, minLength, signInUrl }: { token: string; email: string; minLength: number; signInUrl: string }) {
  const t = useTranslations("staffAdmin.acceptInvite");
  const messages = useStaffAdminMessages();
  const [result, accept, pending] = useActionState(acceptInviteAction, null);
  const schema = useMemo(() => acceptInviteFormSchema(minLength), [minLength]);
  const { register, handleSubmit, formState } = useForm<AcceptInviteFormValues>({
    resolver: zodResolver(schema),
    defaultValues: EMPTY,
    shouldFocusError: true,
  });
  const [clientRefused, setClientRefused] = useState(0);
  // The server's field problems stand until the browser's own check speaks.
  const serverFieldErrors = result && !result.ok && result.error === "invalid" ? result.fieldErrors : {};
  const err = (field: keyof AcceptInviteFormValues) => messages.field(formState.errors[field]?.message ?? serverFieldErrors[field]);
  // One notice per answer (memoised: it takes focus when it changes).
  const notice = useMemo<Notice | null>(() => {
    if (result && !result.ok) return { kind: "error", text: messages.failure(result) };
    if (clientRefused > 0) return { kind: "error", text: messages.failure({ error: "invalid" }), focus: false };
    return null;
  }, [result, clientRefused, messages]);
  const done = result?.ok === true;

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
    <form
      action={accept}
      method="post"
      noValidate
      onSubmit={handleSubmit(
        sendToAction(accept),
        () => setClientRefused((count) => count + 1),
      )}
      className="mt-6 max-w-xl"
      aria-busy={pending}
    >
      <FormNotice notice={notice} />
      <input type="hidden" name="token" value={token} />
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
