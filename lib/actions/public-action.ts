import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { Db } from "@/db/client";
import { reportDatabaseUnavailable } from "@/lib/health/database-availability";
import { isDatabaseUnavailableError } from "@/lib/health/database-unavailable";
import { errorMessage, log } from "@/lib/log";
import { countPublicAction, outcomeOf } from "@/lib/metrics/registry";
import { isMalformedInputError } from "./malformed-input";
import { clientIp } from "@/lib/security/client-ip";
import { readyDb } from "@/db/ready";

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
    const result = await run({ db, ip });
    countPublicAction(name, outcomeOf(result));
    return result;
  } catch (error) {
    try {
      unstable_rethrow(error);
    } catch (control) {
      // Next's redirect (and the like) ends an action that went well.
      countPublicAction(name, "ok");
      throw control;
    }
    if (isMalformedInputError(error)) {
      log.warn(`action ${name} refused malformed input: ${errorMessage(error)}`);
      countPublicAction(name, "malformed_input");
      return { ok: false, error: "unexpected" };
    }
    if (isDatabaseUnavailableError(error)) {
      // Not a bug: the form's "try again in a minute" is the right answer; pages now get a 503 at once.
      reportDatabaseUnavailable();
      log.warn(`action ${name}: the database is unavailable: ${errorMessage(error)}`);
      countPublicAction(name, "database_unavailable");
      return { ok: false, error: "unexpected" };
    }
    countPublicAction(name, "unexpected");
    log.error(`action ${name} failed: ${errorMessage(error)}`, { stack: error instanceof Error ? error.stack?.split("\n").slice(0, 4).join(" | ") : undefined });
    return { ok: false, error: "unexpected" };
  }
}
