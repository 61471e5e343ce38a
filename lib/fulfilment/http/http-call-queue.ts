import { asc } from "drizzle-orm";
import { fulfilmentHttpCalls } from "@/db/schema";
import type { LeasedQueue } from "@/lib/jobs/leased-queue";

/** After this many tries a call is given up as failed: shown on the request, retried by staff. */
export const HTTP_CALL_MAX_ATTEMPTS = 6;
/** 10 s, 20 s, 40 s … capped at 10 minutes: six tries span about five minutes. */
export const HTTP_CALL_BACKOFF = { baseMs: 10_000, maxMs: 10 * 60_000 };
/** Longer than a batch of calls at the longest time-out (60 s each). */
export const HTTP_CALL_LEASE_MS = 10 * 60_000;
export const HTTP_CALL_BATCH_SIZE = 5;

// Securing an account (priority 0) before everything else, then the oldest due.
export const HTTP_CALL_QUEUE: LeasedQueue<typeof fulfilmentHttpCalls> = {
  table: fulfilmentHttpCalls,
  order: [asc(fulfilmentHttpCalls.priority), asc(fulfilmentHttpCalls.nextAttemptAt)],
  leaseMs: HTTP_CALL_LEASE_MS,
};

