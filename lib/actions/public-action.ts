import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { Db } from "@/db/client";
import { errorMessage, log } from "@/lib/log";
import { isMalformedInputError } from "./malformed-input";
import { clientIp } from "@/lib/security/client-ip";
import { readyDb } from "@/lib/startup/ensure-app-ready";

export type UnexpectedFailure = { ok: false; error: "unexpected" };

/**
 * The one wrapper for server actions anyone may call (no sign-in): it gives the domain
 * function the database and the caller's address, lets Next's redirects through, and turns
 * an unexpected error into a calm answer while logging the details.
 */
export async function runPublicAction<T>(name: string, run: (context: { db: Db; ip: string }) => Promise<T>): Promise<T | UnexpectedFailure> {
  try {
    const db = await readyDb();
    const ip = clientIp(await headers());
    return await run({ db, ip });
  } catch (error) {
    unstable_rethrow(error);
    if (isMalformedInputError(error)) {
      log.warn(`action ${name} refused malformed input: ${errorMessage(error)}`);
      return { ok: false, error: "unexpected" };
    }
    log.error(`action ${name} failed: ${errorMessage(error)}`, { stack: error instanceof Error ? error.stack?.split("\n").slice(0, 4).join(" | ") : undefined });
    return { ok: false, error: "unexpected" };
  }
}
