"use client";

import { useQueueKeys } from "./use-queue-keys";

/** j, k and Enter for those who read the queue but may not assign (the bulk bar brings them, with `a`, for the others). */
export function QueueKeys() {
  useQueueKeys(null);
  return null;
}
