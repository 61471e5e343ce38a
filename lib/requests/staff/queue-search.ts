import { hkdfSync } from "node:crypto";
import { cookies } from "next/headers";
import { getAuthSecret } from "@/lib/auth/auth-secret";
import { getCurrentStaff } from "@/lib/auth/current-staff";
import { getEnv } from "@/lib/env";
import { open, seal } from "@/lib/fulfilment/secrets/sealed-box";
import type { Locale } from "@/lib/i18n/locales";
import { servedOverHttps } from "@/lib/security/headers";
import { referenceQuery } from "@/lib/requests/list-queue";

/**
 * The queue's search term (an e-mail address or a name is personal data) never goes into a URL:
 * the search form posts it, the action keeps it in this cookie — sealed (AES-256-GCM, bound to
 * the staff member), httpOnly, SameSite=Strict, scoped to the dashboard and short-lived — and
 * the queue reads it back with readQueueSearch(). A request reference alone is an opaque
 * number, like the request id in a request page's address, so it may stay in the URL
 * (`/dashboard?q=DSR-2026-000123`): such links can be shared between colleagues and bookmarked.
 */
export const QUEUE_SEARCH_COOKIE = "pd_queue_search";
/** A search is for the task at hand: gone after half an hour, checked inside the seal too. */
export const QUEUE_SEARCH_MAX_AGE_SECONDS = 30 * 60;
export const QUEUE_SEARCH_MAX_LENGTH = 200;

let key: Buffer | undefined;
// A key of its own, derived from the session secret: one setting to keep, uses kept apart.
function searchKey(): Buffer {
  return (key ??= Buffer.from(hkdfSync("sha256", getAuthSecret(), Buffer.alloc(0), "privacy-desk queue search", 32)));
}

const aad = (staffId: string) => `queue-search:${staffId}`;

/** The cleaned term: trimmed, at most QUEUE_SEARCH_MAX_LENGTH characters; empty means no search. */
export function cleanSearchTerm(value: unknown): string {
  return typeof value === "string" ? value.trim().slice(0, QUEUE_SEARCH_MAX_LENGTH).trim() : "";
}

export function sealSearchTerm(secret: Buffer, staffId: string, term: string, now: Date): string {
  return seal(secret, Buffer.from(JSON.stringify({ term, at: now.getTime() }), "utf8"), aad(staffId)).toString("base64url");
}

/** The term in a cookie value, or undefined when it is not ours, not this staff member's, or too old. */
export function openSearchTerm(secret: Buffer, staffId: string, value: string, now: Date): string | undefined {
  try {
    const { term, at } = JSON.parse(open(secret, Buffer.from(value, "base64url"), aad(staffId)).toString("utf8")) as { term: unknown; at: unknown };
    if (typeof term !== "string" || typeof at !== "number") return undefined;
    const age = now.getTime() - at;
    return age >= 0 && age <= QUEUE_SEARCH_MAX_AGE_SECONDS * 1000 ? cleanSearchTerm(term) || undefined : undefined;
  } catch {
    return undefined;
  }
}

function cookieOptions(locale: Locale, maxAge: number) {
  return { path: `/${locale}/dashboard`, httpOnly: true, sameSite: "strict", secure: servedOverHttps(getEnv().APP_URL), maxAge } as const;
}

/** Keeps a term for this staff member's queue in this language (an empty one clears the search). */
export async function rememberQueueSearch(locale: Locale, staffId: string, term: string, now = new Date()): Promise<void> {
  const jar = await cookies();
  if (!term) jar.set(QUEUE_SEARCH_COOKIE, "", cookieOptions(locale, 0));
  else jar.set(QUEUE_SEARCH_COOKIE, sealSearchTerm(searchKey(), staffId, term, now), cookieOptions(locale, QUEUE_SEARCH_MAX_AGE_SECONDS));
}

export async function clearQueueSearch(locale: Locale): Promise<void> {
  (await cookies()).set(QUEUE_SEARCH_COOKIE, "", cookieOptions(locale, 0));
}

/** A reference typed in the URL's q (normalised), else undefined: nothing else is ever read from the URL. */
export function referenceFromUrl(q: unknown): string | undefined {
  const first = Array.isArray(q) ? q[0] : q;
  return typeof first === "string" ? (referenceQuery(first.trim()) ?? undefined) : undefined;
}

/**
 * What the queue searches for: a reference in the URL (`?q=DSR-2026-000123`), else the signed-in
 * staff member's kept term, else undefined. Any other `q` in the URL is ignored.
 */
export async function readQueueSearch(searchParams: { q?: string | string[] } = {}): Promise<string | undefined> {
  const reference = referenceFromUrl(searchParams.q);
  if (reference) return reference;
  const value = (await cookies()).get(QUEUE_SEARCH_COOKIE)?.value;
  if (!value) return undefined;
  const me = await getCurrentStaff();
  return me ? openSearchTerm(searchKey(), me.id, value, new Date()) : undefined;
}
