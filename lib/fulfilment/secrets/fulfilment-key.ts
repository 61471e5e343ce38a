import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv, type Env } from "@/lib/env";

/** Reads FULFILMENT_ENCRYPTION_KEY: 32 bytes as base64 or hex. */
export function decodeKey(text: string): Buffer | null {
  const trimmed = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  return bytes.length === 32 ? bytes : null;
}

let cached: Buffer | undefined;

/**
 * The key that encrypts source connection URLs and collected packages at rest: the setting when
 * given; outside production one generated once into DATA_DIR (like the session secret); in
 * production without the setting, null (start-up then refuses if sources exist).
 */
export function fulfilmentKey(env: Env = getEnv()): Buffer | null {
  if (cached) return cached;
  if (env.FULFILMENT_ENCRYPTION_KEY) return (cached = decodeKey(env.FULFILMENT_ENCRYPTION_KEY)!);
  if (env.NODE_ENV === "production") return null;
  const file = path.join(env.DATA_DIR, "fulfilment-key");
  try {
    cached = decodeKey(readFileSync(file, "utf8"))!;
  } catch {
    mkdirSync(env.DATA_DIR, { recursive: true });
    const key = randomBytes(32).toString("base64");
    try {
      writeFileSync(file, key, { flag: "wx", mode: 0o600 });
    } catch {
      // Another process wrote it first: use theirs.
    }
    cached = decodeKey(readFileSync(file, "utf8"))!;
  }
  return cached;
}

export class MissingFulfilmentKeyError extends Error {
  constructor() {
    super("FULFILMENT_ENCRYPTION_KEY is not set, but data map sources are stored encrypted: set the key they were stored with (see README, Settings)");
    this.name = "MissingFulfilmentKeyError";
  }
}

/** The key, or an error naming the setting. */
export function requireFulfilmentKey(env?: Env): Buffer {
  const key = fulfilmentKey(env);
  if (!key) throw new MissingFulfilmentKeyError();
  return key;
}

/** For tests: forget the cached key. */
export function resetFulfilmentKeyCache(): void {
  cached = undefined;
}
