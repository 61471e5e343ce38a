import { and, asc, eq, inArray, isNull, lt, notInArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requests } from "@/db/schema";
import { fileStorageFor, type FileStorage, type FileStorageKind } from "@/lib/files/storage";
import { errorMessage, log } from "@/lib/log";
import { CLOSED_STATUSES } from "@/lib/requests/lifecycle";
import { anonymiseRequest } from "./anonymise-request";
import { getRetentionPolicy, retentionCutoff } from "./retention-policy";

export type AnonymiseOptions = {
  /** Requests looked up at a time. */
  batchSize?: number;
  /** At most this many per run, so one run never holds up the worker's other jobs for long. */
  maxRequests?: number;
  /** Where file bytes live (tests pass a temporary disk folder). */
  storageFor?: (kind: FileStorageKind) => FileStorage;
};

/**
 * The worker's retention job: anonymises closed requests whose closing is older than the
 * retention period, not on legal hold and not yet anonymised, oldest first, each in its own
 * transaction. A request that fails is logged and left for the next run; the rest go on.
 * Returns how many were anonymised.
 */
export async function anonymiseExpiredRequests(db: Db, now = new Date(), { batchSize = 25, maxRequests = 200, storageFor = fileStorageFor }: AnonymiseOptions = {}): Promise<number> {
  const closedBefore = retentionCutoff(await getRetentionPolicy(db), now);
  const tried: string[] = [];
  let anonymised = 0;
  while (tried.length < maxRequests) {
    const due = await db
      .select({ id: requests.id })
      .from(requests)
      .where(
        and(
          inArray(requests.status, [...CLOSED_STATUSES]),
          lt(requests.closedAt, closedBefore),
          eq(requests.legalHold, false),
          isNull(requests.anonymisedAt),
          tried.length > 0 ? notInArray(requests.id, tried) : undefined,
        ),
      )
      .orderBy(asc(requests.closedAt), asc(requests.id))
      .limit(Math.min(batchSize, maxRequests - tried.length));
    for (const { id } of due) {
      tried.push(id);
      try {
        const counts = await db.transaction((tx) => anonymiseRequest(tx, { requestId: id, closedBefore, now, storageFor }));
        if (counts) anonymised++;
      } catch (error) {
        log.error(`anonymising request ${id} failed (retried on the next run): ${errorMessage(error)}`, { requestId: id });
      }
    }
    if (due.length < batchSize) break;
  }
  return anonymised;
}
