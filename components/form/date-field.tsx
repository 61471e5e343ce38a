"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps, ReactNode } from "react";
import { TextField } from "./text-field";

/**
 * The public request form's date: typed in the page's language and format (ДД.ММ.ГГГГ) as plain
 * text, since public pages load no React Aria (their first-load budget); the dashboard's dates are
 * DatePickerField (./date-picker-field.tsx). Schemas read it with dateInputToIso
 * (lib/validation/date-input.ts), the same before and after JavaScript starts. Needs the
 * "dateField" messages on the client.
 */
export function DateField({ hint, ...props }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; required?: boolean } & Omit<ComponentProps<"input">, "id" | "type">) {
  const t = useTranslations("dateField");
  return (
    <TextField
      {...props}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={t("placeholder")}
      hint={
        hint ? (
          <>
            {hint} {t("hint")}
          </>
        ) : (
          t("hint")
        )
      }
    />
  );
}
