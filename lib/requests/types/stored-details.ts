import { DATA_CATEGORIES, type DataCategory } from "../request-types";
import { isOneOf } from "@/lib/text/is-one-of";

/**
 * Lenient readers for `requests.details`: what intake stored, or `{}` once retention removed it.
 * A missing or malformed answer reads as empty, never as an error.
 */

export function storedText(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

export function storedChoice<T extends string>(choices: readonly T[], value: unknown): T | null {
  return isOneOf(choices, value) ? value : null;
}

export function storedCategories(value: unknown): DataCategory[] {
  return Array.isArray(value) ? value.filter((item): item is DataCategory => (DATA_CATEGORIES as readonly unknown[]).includes(item)) : [];
}
