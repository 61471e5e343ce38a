"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useFailureMessage } from "@/components/form/use-failure-message";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { RETENTION_LIMITS, RETENTION_UNITS, retentionPolicySchema, type RetentionPeriod } from "@/lib/retention/retention-schemas";
import { updateRetentionPolicyAction } from "./actions";
import { submitButtonClasses } from "@/components/button-link";

const months = (period: RetentionPeriod) => (period.unit === "years" ? period.amount * 12 : period.amount);

/**
 * The retention period. Shortening it makes older requests due at once and anonymisation cannot
 * be undone, so a shorter period is saved only on a second, confirming press.
 */
export function RetentionForm({ current }: { current: RetentionPeriod }) {
  const t = useTranslations("retention.period");
  const failureMessage = useFailureMessage("retention.period");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { register, handleSubmit, formState, setError, control } = useForm<RetentionPeriod>({
    resolver: zodResolver(retentionPolicySchema),
    defaultValues: current,
  });
  const unit = useWatch({ control, name: "unit" });
  const limits = RETENTION_LIMITS[unit] ?? RETENTION_LIMITS.years;

  function amountError(): string | undefined {
    const code = formState.errors.amount?.message;
    if (!code) return undefined;
    if (code === "outOfRange") return t("errors.outOfRange", { min: limits.min, max: limits.max });
    if (code === "wholeNumber") return t("errors.wholeNumber");
    return t("errors.required");
  }

  const onSave = (values: RetentionPeriod) => {
    if (months(values) < months(current) && !confirming) {
      setConfirming(true);
      setNotice({ kind: "error", text: t("confirmShorter") });
      return;
    }
    startTransition(async () => {
      try {
        const result = await updateRetentionPolicyAction(locale, values);
        setConfirming(false);
        if (result.ok) {
          setNotice({ kind: "info", text: t("saved") });
          router.refresh();
          return;
        }
        if (result.error === "invalid") {
          for (const [field, message] of Object.entries(result.fieldErrors)) {
            if (field === "amount" || field === "unit") setError(field, { type: "server", message });
          }
          setNotice({ kind: "error", text: t("errors.summary") });
          return;
        }
        setNotice({ kind: "error", text: failureMessage(result) });
      } catch {
        setNotice({ kind: "error", text: t("errors.unexpected") });
      }
    });
  };

  return (
    <form method="post" noValidate className="max-w-md" onSubmit={handleSubmit(onSave)} onChange={() => {
        // A changed value has to be confirmed again.
        if (!confirming) return;
        setConfirming(false);
        setNotice(null);
      }}>
      <FormNotice notice={notice} />
      <div className="grid grid-cols-[8rem_1fr] gap-3">
        <TextField
          id="retention-amount"
          type="number"
          inputMode="numeric"
          min={limits.min}
          max={limits.max}
          step={1}
          label={t("amount")}
          required
          error={amountError()}
          {...register("amount", { valueAsNumber: true })}
        />
        <SelectField
          id="retention-unit"
          label={t("unit")}
          required
          options={RETENTION_UNITS.map((value) => ({ value, label: t(`units.${value}`) }))}
          registration={register("unit")}
          error={formState.errors.unit ? t("errors.required") : undefined}
        />
      </div>
      <p className="mt-2 text-sm text-muted">{t("limits", { yearsMin: RETENTION_LIMITS.years.min, yearsMax: RETENTION_LIMITS.years.max, monthsMin: RETENTION_LIMITS.months.min, monthsMax: RETENTION_LIMITS.months.max })}</p>
      <button type="submit" disabled={pending} className={`mt-4 ${submitButtonClasses}`}>
        {confirming ? t("confirm") : t("save")}
      </button>
    </form>
  );
}
