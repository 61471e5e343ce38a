"use client";

import type { ComponentProps, ReactNode } from "react";
import { TextField } from "./text-field";

/** The "dateField" messages: the format shown as the placeholder and said in the hint. */
export type DateFieldWords = { placeholder: string; hint: string };

/**
 * The public request form's date: typed in the page's language and format (ДД.ММ.ГГГГ) as plain
 * text, since public pages load no React Aria (their first-load budget); the dashboard's dates are
 * DatePickerField (./date-picker-field.tsx). Schemas read it with dateInputToIso
 * (lib/validation/date-input.ts), the same before and after JavaScript starts. Its own words
 * (`words`, the "dateField" messages) come from the form, so it needs no message formatter.
 */
export function DateField({ hint, words, ...props }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; required?: boolean; words: DateFieldWords } & Omit<ComponentProps<"input">, "id" | "type">) {
  return (
    <TextField
      {...props}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={words.placeholder}
      hint={
        hint ? (
          <>
            {hint} {words.hint}
          </>
        ) : (
          words.hint
        )
      }
    />
  );
}
