"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { TextField } from "@/components/form/text-field";
import { findRequestsSchema, parseErrorCode } from "@/lib/validation/request-forms";
import { findRequestsAction } from "./actions";
import { submitButtonClasses } from "@/components/button-link";

export function FindForm() {
  const t = useTranslations("intake");
  const locale = useLocale();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<{ email: string }>({
    resolver: zodResolver(findRequestsSchema),
    defaultValues: { email: "" },
  });
  const emailError = parseErrorCode(formState.errors.email?.message);

  return (
    <form
      noValidate
      className="max-w-md"
      onSubmit={handleSubmit(({ email }) =>
        startTransition(async () => {
          const result = await findRequestsAction(locale, email);
          let next: Notice;
          if (result.ok) next = { kind: "info", text: t("find.sent") };
          else if (result.error === "invalid") {
            setError("email", { type: "server", message: result.message });
            return;
          } else if (result.error === "rate_limited") next = { kind: "error", text: t("errors.rateLimited", { minutes: result.retryAfterMinutes }) };
          else next = { kind: "error", text: t("errors.unexpected") };
          setNotice(next);
        }),
      )}
    >
      <FormNotice notice={notice} />
      <TextField
        id="email"
        type="email"
        autoComplete="email"
        label={t("find.email")}
        error={emailError ? t(`errors.${emailError.key}` as never, { max: emailError.value ?? 0 } as never) : undefined}
        required
        {...register("email")}
      />
      <button type="submit" disabled={pending} className={`mt-4 ${submitButtonClasses}`}>
        {t("find.submit")}
      </button>
    </form>
  );
}
