import type { Tx } from "@/db/client";
import { rowInsert } from "@/db/run-statement";
import { requestEvents } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { auditEventRow } from "@/lib/audit/record-audit-event";
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
 * requestChangeRows in fileRequest's one statement). The two inserts are independent and sent
 * side by side (one round trip on PostgreSQL, which runs them in the order sent).
 */
export async function recordRequestChange(tx: Tx, change: RequestChange): Promise<void> {
  const [event, audit] = requestChangeRows(change);
  // Prepared, as every write that is part of each change: see PREPARED_WRITES in db/client.ts.
  await Promise.all([tx.insert(event.table).values(event.values).prepare("request_event").execute(), tx.insert(audit.table).values(audit.values).prepare("audit_event_row").execute()]);
}

/** recordRequestChange's two rows, not inserted: the timeline event and its audit row (fileRequest sends them in its one statement). */
export function requestChangeRows(change: RequestChange) {
  const { data } = change;
  const event = rowInsert(requestEvents, {
    requestId: change.requestId,
    kind: change.kind,
    actorType: change.actor.type,
    actorId: change.actor.id ?? null,
    data,
    visibleToRequester: change.visibleToRequester ?? true,
  });
  const audit = auditEventRow({
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
