import { randomUUID } from "node:crypto";
import { isUuid } from "@/lib/text/uuid";

/** A new storage key: random, never derived from anything a user sent. */
export function newStorageKey(): string {
  return randomUUID();
}

/** Keys are UUIDs we made; refusing anything else keeps a bad key from ever becoming a path. */
export function assertStorageKey(key: string): void {
  // randomUUID writes lower case: a key in any other case was not made here.
  if (!isUuid(key) || key !== key.toLowerCase()) throw new Error("invalid file storage key");
}
