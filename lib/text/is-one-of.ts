/**
 * The one guard for "is this string one of that list's codes?": a value from a column, a form or
 * a URL becomes the list's type only by being in it. No imports: pages, the browser and db use it.
 */
export function isOneOf<const T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (list as readonly string[]).includes(value);
}
