"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Controller, useForm } from "react-hook-form";
import { submitButtonClasses } from "@/components/button-link";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { calendarDaySchema, type CalendarDayInput } from "@/lib/validation/calendar-day";
import { useFieldErrorText } from "@/components/form/use-field-error-text";
import { removeCalendarDayAction, saveCalendarDayAction, type CalendarActionResult } from "./actions";
import { DatePickerField } from "@/components/form/date-picker-field";

function useOutcome() {
  const t = useTranslations("calendarAdmin");
  const ti = useTranslations("intake.errors");
  const [notice, setNotice] = useState<Notice | null>(null);
  const show = (result: CalendarActionResult, success: string) =>
    setNotice(result.ok ? { kind: "info", text: success } : { kind: "error", text: result.error === "invalid" ? ti("summary") : ti("unexpected") });
  return { notice, show, t };
}

export function AddCalendarDayForm({ jurisdiction }: { jurisdiction: string }) {
  const { notice, show, t } = useOutcome();
  const fieldErrorText = useFieldErrorText();
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, formState, reset, control } = useForm<CalendarDayInput>({
    resolver: zodResolver(calendarDaySchema),
    defaultValues: { jurisdiction, day: "", kind: "holiday", name: "" },
  });
  const error = (field: keyof CalendarDayInput) => fieldErrorText(formState.errors[field]?.message);
  return (
    <form
      method="post"
      noValidate
      className="max-w-md"
      onSubmit={handleSubmit((values) =>
        startTransition(async () => {
          const result = await saveCalendarDayAction(values);
          show(result, t("saved"));
          if (result.ok) reset({ jurisdiction, day: "", kind: "holiday", name: "" });
        }),
      )}
    >
      <FormNotice notice={notice} />
      <input type="hidden" {...register("jurisdiction")} />
      <Controller
        control={control}
        name="day"
        render={({ field }) => <DatePickerField id="calendar-day" name={field.name} label={t("date")} required error={error("day")} value={field.value} onChange={field.onChange} inputRef={field.ref} />}
      />
      <SelectField
        id="calendar-kind"
        label={t("kind")}
        required
        options={(["holiday", "working_day"] as const).map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
        registration={register("kind")}
        error={error("kind")}
      />
      <TextField id="calendar-name" label={t("name")} required error={error("name")} {...register("name")} />
      <button type="submit" disabled={pending} className={`mt-4 ${submitButtonClasses}`}>
        {t("save")}
      </button>
    </form>
  );
}

export function RemoveCalendarDayButton({ jurisdiction, day, label }: { jurisdiction: string; day: string; label: string }) {
  const { notice, show, t } = useOutcome();
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        disabled={pending}
        className="text-red-800 underline disabled:opacity-50"
        onClick={() => startTransition(async () => show(await removeCalendarDayAction({ jurisdiction, day }), t("removed")))}
      >
        {label}
      </button>
      {notice?.kind === "error" ? <FormNotice notice={notice} /> : null}
    </>
  );
}
