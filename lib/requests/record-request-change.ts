import type { Executor, Tx } from "@/db/client";
import { requestEvents } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { auditEventInsert } from "@/lib/audit/record-audit-event";
import type { TimelineEvent } from "./timeline-events";

/** A timeline event (its kind and that kind's data, lib/requests/timeline-events.ts) on a request, by an actor. */
export type RequestChange = TimelineEvent & {
  requestId: string;
  actor: Actor;
  /** False for staff-only events (internal notes, assignment). */
  visibleToRequester?: boolean;
};

/**
 * Writes a request's timeline event and its audit row together, inside the caller's
 * transaction: every change to a request goes through here (or, for a new request, through
 * requestChangeInserts in fileRequest's one statement). The two inserts are independent and sent
 * side by side (one round trip on PostgreSQL, which runs them in the order sent).
 */
export async function recordRequestChange(tx: Tx, change: RequestChange): Promise<void> {
  const [event, audit] = requestChangeInserts(tx, change);
  // Prepared, as every write that is part of each change: see PREPARED_WRITES in db/client.ts.
  await Promise.all([event.prepare("request_event").execute(), audit.prepare("audit_event").execute()]);
}

/** recordRequestChange's two INSERTs, not run. */
export function requestChangeInserts(db: Executor, change: RequestChange) {
  const { data } = change;
  const event = db.insert(requestEvents).values({
    requestId: change.requestId,
    kind: change.kind,
    actorType: change.actor.type,
    actorId: change.actor.id ?? null,
    data,
    visibleToRequester: change.visibleToRequester ?? true,
  });
  const audit = auditEventInsert(db, {
    actorType: change.actor.type,
    actorId: change.actor.id,
    action: `request.${change.kind}`,
    entityType: "request",
    entityId: change.requestId,
    requestId: change.requestId,
    data,
  });
  return [event, audit] as const;
}
