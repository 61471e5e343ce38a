/**
 * Deadline rules and calendar days are data, written once in English in the seed (and by admins
 * in whatever language they type). Pages show them in the reader's language: the shipped rules'
 * legal sources and the shipped holiday names have catalogue texts (calendar.json,
 * "deadlineTexts"); anything else is shown as it was written.
 */

/** The shipped holiday names (db/seed/deadlines/calendar-*.json) → catalogue keys. */
export const HOLIDAY_KEYS = {
  "New Year": "newYear",
  "Orthodox Christmas": "orthodoxChristmas",
  "International Women's Day": "womensDay",
  "Nauryz meyrami": "nauryz",
  "Kazakhstan People's Unity Day": "unityDay",
  "Defender of the Fatherland Day": "defenderDay",
  "Victory Day": "victoryDay",
  "Capital Day": "capitalDay",
  "Kurban Ait": "kurbanAit",
  "Constitution Day": "constitutionDay",
  "Republic Day": "republicDay",
  "Independence Day": "independenceDay",
} as const;
export type HolidayKey = (typeof HOLIDAY_KEYS)[keyof typeof HOLIDAY_KEYS];

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * A calendar day's name read as: which holiday (a catalogue key, or null for a name we do not
 * know) and, for a day off moved from a weekend, the ISO date it was moved from
 * ("Victory Day (moved from Saturday 9 May)" in 2026 → victoryDay, 2026-05-09).
 */
export function readHolidayName(name: string, year: number): { key: HolidayKey | null; movedFrom: string | null } {
  const match = /^(.*?)\s*\(moved from \w+ (\d{1,2}) (\w+)\)$/.exec(name.trim());
  const base = (match ? match[1]! : name.trim()) as keyof typeof HOLIDAY_KEYS;
  const key = HOLIDAY_KEYS[base] ?? null;
  if (!key) return { key: null, movedFrom: null };
  const month = match ? MONTHS.indexOf(match[3]!) + 1 : 0;
  const movedFrom = match && month > 0 ? `${year}-${String(month).padStart(2, "0")}-${match[2]!.padStart(2, "0")}` : null;
  return { key, movedFrom };
}

/** Catalogue key of a shipped rule's legal source ("kz-access-2026" → "kz_access_2026"). */
export function ruleSourceKey(ruleId: string): string {
  return ruleId.replace(/-/g, "_");
}
