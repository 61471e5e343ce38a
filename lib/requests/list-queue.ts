import { asc, desc, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requests, type RequestStatus } from "@/db/schema";
import { OPEN_STATUSES } from "./lifecycle";

export type QueueItem = {
  id: string;
  reference: string | null;
  type: string;
  status: RequestStatus;
  requesterName: string;
  requesterEmail: string;
  dueAt: Date | null;
  urgent: boolean;
  duplicateOfId: string | null;
};

/**
 * Verified requests for the staff queue: open ones, urgent first, then by due date. Unverified
 * requests never appear. (Filters and keyset paging come with the full queue.)
 */
export async function listQueue(db: Db, { limit = 50 }: { limit?: number } = {}): Promise<QueueItem[]> {
  return db
    .select({
      id: requests.id,
      reference: requests.reference,
      type: requests.type,
      status: requests.status,
      requesterName: requests.requesterName,
      requesterEmail: requests.requesterEmail,
      dueAt: requests.dueAt,
      urgent: requests.urgent,
      duplicateOfId: requests.duplicateOfId,
    })
    .from(requests)
    .where(inArray(requests.status, [...OPEN_STATUSES]))
    .orderBy(desc(requests.urgent), sql`${requests.dueAt} asc nulls last`, asc(requests.verifiedAt))
    .limit(limit);
}
