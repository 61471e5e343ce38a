"use client";

import { parseDate, type CalendarDate } from "@internationalized/date";
import { useLocale, useTranslations } from "next-intl";
import { useImperativeHandle, useLayoutEffect, useRef, useState, type ReactNode, type Ref } from "react";
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  I18nProvider,
  Label,
  Popover,
  Text,
} from "react-aria-components";
import { describedBy, FieldError as FieldErrorText, FieldHint, FieldLabel, inputClasses } from "./field-parts";

/**
 * The locale a date is typed in. English writes day first (en-GB: 30/11/2026), as the dashboard's
 * Russian and Kazakh do: "11/30/2026" would be read the other way round by half of the team.
 */
const DATE_LOCALES: Record<string, string> = { ru: "ru-RU", kk: "kk-KZ", en: "en-GB" };
/**
 * Where the browser has no date data for the language (Chromium built on Debian's ICU has no Kazakh:
 * it falls back to the ISO order, "2026-11-30", and names months "M11"), the locale that writes dates
 * the same way in the same country: Russian, Kazakhstan's other official language (30.11.2026).
 */
const FALLBACK_DATE_LOCALES: Record<string, string> = { kk: "ru-KZ" };

/** Whether this browser writes a numeric date day first in the locale (it does not where it lacks the locale's data). */
function writesDayFirst(locale: string): boolean {
  const parts = new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" }).formatToParts(new Date(Date.UTC(2026, 10, 30)));
  return parts.find((part) => part.type !== "literal")?.type === "day";
}

/** The locale the date field types and shows dates in, for the page's language (dayFirst: for tests). */
export function dateLocaleFor(pageLocale: string, dayFirst: (locale: string) => boolean = writesDayFirst): string {
  const wanted = DATE_LOCALES[pageLocale] ?? pageLocale;
  const fallback = FALLBACK_DATE_LOCALES[pageLocale];
  return fallback && !dayFirst(wanted) ? fallback : wanted;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "2026-11-30" → the library's date; anything else (empty, half typed) → no date. */
function toCalendarDate(iso: string | undefined): CalendarDate | null {
  if (!iso || !ISO_DAY.test(iso)) return null;
  try {
    return parseDate(iso);
  } catch {
    return null;
  }
}

export type DatePickerFieldProps = {
  id: string;
  /** The form field: posted as an ISO date (YYYY-MM-DD), or empty. */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The translated error, shown under the field and announced with it. */
  error?: string;
  required?: boolean;
  disabled?: boolean;
  /** Controlled (with onChange): the ISO date or "". */
  value?: string;
  /** Uncontrolled: the ISO date the field starts with (a filter the page was loaded with). */
  defaultValue?: string;
  onChange?: (iso: string) => void;
  /** For a form library that focuses the first invalid field (react-hook-form's Controller). */
  inputRef?: Ref<{ focus: () => void }>;
  /** The frame's spacing: a field stacked in a form (the default) or one cell of a filter grid (""). */
  className?: string;
};

/**
 * The dashboard's one date field. Before (or without) JavaScript it is the browser's own
 * `<input type="date">`, which posts an ISO date; once the script runs it becomes React Aria's
 * DatePicker (segments typed in the page's language, a calendar to pick from) whose hidden input
 * posts the same ISO date under the same name — so the server reads one format either way
 * (dateInputToIso passes ISO through). A date typed before the script started is carried over.
 */
export function DatePickerField({ id, name, label, hint, error, required, disabled, value, defaultValue, onChange, inputRef, className = "mt-4" }: DatePickerFieldProps) {
  const native = useRef<HTMLInputElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const [typedBeforeScript, setTypedBeforeScript] = useState<string>();
  useLayoutEffect(() => {
    // Read before the browser's field is replaced: what was typed there stays.
    const typed = native.current?.value ?? "";
    if (typed && typed !== (value ?? defaultValue ?? "")) {
      setTypedBeforeScript(typed);
      onChange?.(typed);
    }
    setHydrated(true);
    // Once, when the script starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!hydrated) {
    return (
      <div className={className}>
        <FieldLabel htmlFor={id} required={required}>
          {label}
        </FieldLabel>
        <FieldHint id={id}>{hint}</FieldHint>
        <input
          ref={native}
          id={id}
          name={name}
          type="date"
          defaultValue={value ?? defaultValue}
          disabled={disabled}
          aria-required={required || undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className={inputClasses}
        />
        <FieldErrorText id={id} message={error} />
      </div>
    );
  }
  return (
    <LibraryDatePicker
      {...{ id, name, label, hint, error, required, disabled, onChange, inputRef, className }}
      // Controlled, the typed date came back through onChange; uncontrolled, the field starts from it.
      value={value}
      defaultValue={typedBeforeScript ?? defaultValue}
    />
  );
}

function LibraryDatePicker({ id, name, label, hint, error, required, disabled, value, defaultValue, onChange, inputRef, className }: DatePickerFieldProps) {
  const t = useTranslations("dateField");
  const locale = useLocale();
  const group = useRef<HTMLDivElement>(null);
  useImperativeHandle(inputRef, () => ({ focus: () => group.current?.querySelector<HTMLElement>("[role=spinbutton]")?.focus() }), []);
  const controlled = value !== undefined ? { value: toCalendarDate(value) } : { defaultValue: toCalendarDate(defaultValue) };
  return (
    <I18nProvider locale={dateLocaleFor(locale)}>
      <DatePicker
        id={id}
        name={name}
        {...controlled}
        onChange={(date) => onChange?.(date ? date.toString() : "")}
        isRequired={required}
        isDisabled={disabled}
        isInvalid={Boolean(error)}
        // Refusals are the form's own, translated: no browser bubble, no library wording.
        validationBehavior="aria"
        granularity="day"
        shouldForceLeadingZeros
        className={className}
      >
        <div className="flex items-baseline">
          <Label className="block font-medium">{label}</Label>
          {/* Decoration, as in FieldLabel: the field itself says "required". */}
          {required ? (
            <span className="ml-1 text-red-800" aria-hidden="true">
              *
            </span>
          ) : null}
        </div>
        {hint ? (
          <Text slot="description" className="mt-1 block text-sm text-muted">
            {hint}
          </Text>
        ) : null}
        <Group ref={group} className={`${inputClasses} flex items-center gap-2 py-1 pr-1 data-[focus-within]:outline-2 data-[focus-within]:outline-brand-600 data-[invalid]:border-red-700 data-[invalid]:ring-1 data-[invalid]:ring-red-700`}>
          <DateInput className="flex min-w-0 flex-1 items-center">
            {(segment) => (
              <DateSegment
                segment={segment}
                className="rounded px-0.5 tabular-nums outline-none data-[focused]:bg-brand-700 data-[focused]:text-white data-[placeholder]:text-muted data-[type=literal]:px-0"
              />
            )}
          </DateInput>
          <Button aria-label={t("openCalendar")} className="inline-flex size-9 shrink-0 items-center justify-center rounded text-ink hover:bg-slate-100 data-[focus-visible]:outline-3 data-[focus-visible]:outline-brand-600">
            <span aria-hidden="true">▾</span>
          </Button>
        </Group>
        <FieldError className="mt-1 block text-sm font-medium text-red-800">{error}</FieldError>
        <Popover className="rounded-md border border-slate-300 bg-white p-3 shadow-lg">
          <Dialog aria-label={t("calendar")} className="outline-none">
            <Calendar>
              <header className="mb-2 flex items-center justify-between gap-2">
                <Button slot="previous" aria-label={t("previousMonth")} className="inline-flex size-9 items-center justify-center rounded hover:bg-slate-100 data-[focus-visible]:outline-3 data-[focus-visible]:outline-brand-600">
                  <span aria-hidden="true">‹</span>
                </Button>
                <Heading className="font-semibold first-letter:uppercase" />
                <Button slot="next" aria-label={t("nextMonth")} className="inline-flex size-9 items-center justify-center rounded hover:bg-slate-100 data-[focus-visible]:outline-3 data-[focus-visible]:outline-brand-600">
                  <span aria-hidden="true">›</span>
                </Button>
              </header>
              <CalendarGrid className="border-separate border-spacing-0.5">
                {(date) => (
                  <CalendarCell
                    date={date}
                    className="flex size-9 items-center justify-center rounded tabular-nums outline-none hover:bg-slate-100 data-[outside-month]:text-muted data-[selected]:bg-brand-700 data-[selected]:text-white data-[focus-visible]:outline-3 data-[focus-visible]:outline-brand-600 data-[unavailable]:text-muted data-[disabled]:text-muted"
                  />
                )}
              </CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
    </I18nProvider>
  );
}
