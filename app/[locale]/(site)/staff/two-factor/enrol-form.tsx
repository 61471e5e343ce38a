"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { TextField } from "@/components/form/text-field";
import { confirmEnrolmentAction } from "./actions";
import { submitButtonClasses } from "@/components/button-link";

/** The first code from the authenticator app; on success the recovery codes, shown once. */
export function EnrolForm({ continueUrl }: { continueUrl: string }) {
  const t = useTranslations("staff.twoFactor");
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const { register, handleSubmit, setValue } = useForm<{ code: string }>({ defaultValues: { code: "" } });

  const onSubmit = handleSubmit(({ code }) =>
    startTransition(async () => {
      try {
        const result = await confirmEnrolmentAction(code);
        if (result.ok) {
          setCodes(result.recoveryCodes);
          setNotice({ kind: "info", text: t("enrolled") });
          return;
        }
        setValue("code", "");
        setNotice({ kind: "error", text: result.error === "delayed" ? t("delayed", { minutes: result.minutes ?? 1 }) : result.error === "unauthorized" ? t("signedOut") : t("invalid") });
      } catch {
        setNotice({ kind: "error", text: t("unexpected") });
      }
    }),
  );

  if (codes) {
    return (
      <div className="max-w-xl">
        <FormNotice notice={notice} />
        <h2 className="text-xl font-semibold">{t("recoveryTitle")}</h2>
        <p className="mt-2 text-muted">{t("recoveryLead")}</p>
        <ul aria-label={t("recoveryTitle")} className="mt-3 grid grid-cols-2 gap-2 font-mono text-lg" data-testid="recovery-codes">
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <a href={continueUrl} className={`mt-6 ${submitButtonClasses}`}>
          {t("continue")}
        </a>
      </div>
    );
  }

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="max-w-sm">
      <FormNotice notice={notice} />
      <TextField id="code" type="text" inputMode="numeric" autoComplete="one-time-code" spellCheck={false} label={t("code")} hint={t("codeHint")} required {...register("code")} />
      <button type="submit" disabled={pending} className={`mt-6 ${submitButtonClasses}`}>
        {t("submit")}
      </button>
    </form>
  );
}
