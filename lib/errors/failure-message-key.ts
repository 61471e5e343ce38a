/**
 * The one mapping from an action's refusal to its message: the key under the form's own
 * catalogue namespace (each area words "forbidden" for itself). Codes are AppErrorCode plus the
 * action wrapper's own ("unauthorized", "unexpected").
 */
export function failureMessageKey(failure: { error: string; reason?: string }): string {
  if (failure.error === "conflict" && failure.reason) return `errors.conflict.${failure.reason}`;
  if (failure.error === "invalid") return "errors.summary";
  return `errors.${failure.error}`;
}

/** A refused action as its form or server action holds it. */
export type Failure = { error: string; reason?: string; retryAfterMinutes?: number };

/** A namespace's translator asked with a key built at run time (by failureMessageKey). */
export type KeyedTranslator = { (key: string, values?: Record<string, number>): string; has(key: string): boolean };

/**
 * next-intl types its translators by their catalogue's keys; a key built from a refusal code
 * cannot be checked against them, so this is where such a translator is asked by string (the
 * `has` check below keeps a missing key from ever reaching the page).
 */
export function keyedTranslator(t: unknown): KeyedTranslator {
  return t as KeyedTranslator;
}

/** The refusal as a sentence of the namespace; a code the namespace does not word reads as "unexpected". */
export function wordFailure(t: KeyedTranslator, failure: Failure): string {
  const key = failureMessageKey(failure);
  return t(t.has(key) ? key : "errors.unexpected", { minutes: failure.retryAfterMinutes ?? 1 });
}
