/**
 * How often the worker tries a message whose processing failed before leaving it to staff. A
 * failure that is about the message (it cannot be parsed) fails the same way every time; one about
 * the moment (the database was restarting) usually passes on the next try, so a few tries, spaced
 * out, then a person.
 */
export const MAX_INBOUND_ATTEMPTS = 5;

/** Minutes to wait after the 1st, 2nd, 3rd and 4th failed attempt. */
const BACKOFF_MINUTES = [1, 5, 30, 120] as const;

/** When to try again after `attempts` failed attempts, or null when it is now up to staff. */
export function nextInboundAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_INBOUND_ATTEMPTS) return null;
  const minutes = BACKOFF_MINUTES[Math.min(Math.max(attempts, 1), BACKOFF_MINUTES.length) - 1]!;
  return new Date(now.getTime() + minutes * 60_000);
}
