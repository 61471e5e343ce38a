import { and, count, desc, eq, inArray, isNotNull, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { RequestType } from "@/lib/requests/request-types";
import { requests, staff } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { assertCan } from "@/lib/auth/assert-can";
import { CLOSED_STATUSES } from "@/lib/requests/lifecycle";
import { getRetentionPolicy, retentionCutoff, type RetentionPolicy } from "./retention-policy";

/** Enough for a page; a longer list of holds would need paging (and a conversation with legal). */
export const HELD_LIST_LIMIT = 200;

export type HeldRequest = {
  id: string;
  reference: string | null;
  type: RequestType;
  status: string;
  closedAt: Date | null;
  reason: string | null;
  setAt: Date | null;
  setByName: string | null;
  /** Closed long enough ago that only the hold keeps it from being anonymised. */
  pastRetention: boolean;
};

export type RetentionOverview = {
  policy: RetentionPolicy;
  /** Who last changed the period (null for the default, or a deleted account). */
  updatedByName: string | null;
  /** Requests closed before this are due. */
  cutoff: Date;
  /** Due now: the worker anonymises them on its next runs. */
  dueCount: number;
  onHoldCount: number;
  anonymisedCount: number;
  held: HeldRequest[];
};

/** The retention page: the period, what is due, and every request under legal hold. Admins only. */
export async function getRetentionOverview(db: Db, actor: Pick<CurrentStaff, "role">, now = new Date()): Promise<RetentionOverview> {
  assertCan(actor, "retention.manage");
  const policy = await getRetentionPolicy(db);
  const cutoff = retentionCutoff(policy, now);
  const closed = inArray(requests.status, [...CLOSED_STATUSES]);
  const [[due], [onHold], [anonymised], held, [editor]] = await Promise.all([
    db
      .select({ n: count() })
      .from(requests)
      .where(and(closed, lt(requests.closedAt, cutoff), eq(requests.legalHold, false), isNull(requests.anonymisedAt))),
    db.select({ n: count() }).from(requests).where(eq(requests.legalHold, true)),
    db.select({ n: count() }).from(requests).where(isNotNull(requests.anonymisedAt)),
    db
      .select({
        id: requests.id,
        reference: requests.reference,
        type: requests.type,
        status: requests.status,
        closedAt: requests.closedAt,
        reason: requests.legalHoldReason,
        setAt: requests.legalHoldSetAt,
        setByName: staff.name,
      })
      .from(requests)
      .leftJoin(staff, eq(staff.id, requests.legalHoldSetBy))
      .where(eq(requests.legalHold, true))
      .orderBy(desc(requests.legalHoldSetAt), desc(requests.id))
      .limit(HELD_LIST_LIMIT),
    policy.updatedBy ? db.select({ name: staff.name }).from(staff).where(eq(staff.id, policy.updatedBy)) : Promise.resolve([]),
  ]);
  return {
    policy,
    updatedByName: editor?.name ?? null,
    cutoff,
    dueCount: due?.n ?? 0,
    onHoldCount: onHold?.n ?? 0,
    anonymisedCount: anonymised?.n ?? 0,
    held: held.map((row) => ({
      ...row,
      pastRetention: row.closedAt !== null && (CLOSED_STATUSES as readonly string[]).includes(row.status) && row.closedAt < cutoff,
    })),
  };
}
