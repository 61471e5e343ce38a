import { randomUUID } from "node:crypto";

const STORAGE_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A new storage key: random, never derived from anything a user sent. */
export function newStorageKey(): string {
  return randomUUID();
}

/** Keys are UUIDs we made; refusing anything else keeps a bad key from ever becoming a path. */
export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY.test(key)) throw new Error("invalid file storage key");
}
