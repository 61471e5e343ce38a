/**
 * The one reader of a typed date. The public request form types dates as text in the page's own
 * format (ДД.ММ.ГГГГ / КК.АА.ЖЖЖЖ / DD.MM.YYYY: components/form/date-field.tsx, no React Aria on public
 * pages); the dashboard's date fields post ISO dates (components/form/date-picker-field.tsx: the
 * browser's date input, then React Aria's DatePicker). Both pass through here; the schemas keep ISO dates.
 */

/** "30.11.2026", "30/11/2026", "30-11-2026", "3.1.2026" or ISO "2026-11-30" → "2026-11-30"; anything else is returned trimmed, for the schema to refuse. */
export function dateInputToIso(value: string): string {
  const text = value.trim();
  const dayFirst = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  if (dayFirst) return `${dayFirst[3]}-${dayFirst[2]!.padStart(2, "0")}-${dayFirst[1]!.padStart(2, "0")}`;
  return text;
}
