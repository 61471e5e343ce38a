/**
 * Dates are typed as text in the page's own format (ДД.ММ.ГГГГ / КК.АА.ЖЖЖЖ / DD.MM.YYYY), not in
 * the browser's date control, whose "mm/dd/yyyy" speaks the browser's language. The same text is
 * read before and after JavaScript starts; the schemas keep ISO dates.
 */

/** "30.11.2026", "30/11/2026", "30-11-2026", "3.1.2026" or ISO "2026-11-30" → "2026-11-30"; anything else is returned trimmed, for the schema to refuse. */
export function dateInputToIso(value: string): string {
  const text = value.trim();
  const dayFirst = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  if (dayFirst) return `${dayFirst[3]}-${dayFirst[2]!.padStart(2, "0")}-${dayFirst[1]!.padStart(2, "0")}`;
  return text;
}

/** "2026-11-30" → "30.11.2026", how a date field shows a stored date. */
export function isoToDateInput(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}
