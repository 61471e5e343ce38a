"use client";

import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { TextField } from "@/components/form/text-field";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("staff.signIn");
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
  const { register, handleSubmit, setValue } = useForm<{ email: string; password: string }>({ defaultValues: { email: "", password: "" } });

  const onSubmit = handleSubmit(({ email, password }) =>
    startTransition(async () => {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      const locked = /^locked:(\d+)$/.exec(result?.error ?? "");
      setNotice({
        kind: "error",
        text: locked ? t("locked", { minutes: Number(locked[1]) }) : result?.error === "CredentialsSignin" ? t("invalid") : t("unexpected"),
      });
      // Keep the e-mail, clear the password: the usual courtesy after a failed sign-in.
      setValue("password", "");
    }),
  );

  return (
    <form noValidate onSubmit={onSubmit} className="max-w-sm">
      <FormNotice notice={notice} />
      <TextField id="email" type="email" autoComplete="username" label={t("email")} required {...register("email")} />
      <TextField id="password" type="password" autoComplete="current-password" label={t("password")} required {...register("password")} />
      <button type="submit" disabled={pending} className="mt-6 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("submit")}
      </button>
    </form>
  );
}
