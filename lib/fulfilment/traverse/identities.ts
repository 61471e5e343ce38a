import type { IdentityKind } from "../map/map-schema";

/** The values a search starts from, by kind. Only verified values belong here. */
export type Identities = Record<IdentityKind, string[]>;

export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

/** Digits only, so "+7 (701) 111-22-33" and "77011112233" meet; too short to be a phone: none. */
export function normalisePhone(value: string): string | null {
  const digits = value.replace(/\D/g, "");
  return digits.length >= 6 ? digits : null;
}

/** Identities from what a request gives, normalised and without blanks or repeats. */
export function identitiesOf(input: { emails?: string[]; phones?: string[]; accountIds?: string[] }): Identities {
  const unique = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => Boolean(value)))];
  return {
    email: unique((input.emails ?? []).map(normaliseEmail)),
    phone: unique((input.phones ?? []).map(normalisePhone)),
    account_id: unique((input.accountIds ?? []).map((value) => value.trim())),
  };
}
