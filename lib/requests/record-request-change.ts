import type { Tx } from "@/db/client";
import { requestEvents } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
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
 * transaction: every change to a request goes through here. The two inserts are independent and
 * sent side by side (one round trip on PostgreSQL, which runs them in the order sent).
 */
export async function recordRequestChange(tx: Tx, change: RequestChange): Promise<void> {
  const { data } = change;
  const event = tx.insert(requestEvents).values({
    requestId: change.requestId,
    kind: change.kind,
    actorType: change.actor.type,
    actorId: change.actor.id ?? null,
    data,
    visibleToRequester: change.visibleToRequester ?? true,
  });
  await Promise.all([
    event,
    recordAuditEvent(tx, {
      actorType: change.actor.type,
      actorId: change.actor.id,
      action: `request.${change.kind}`,
      entityType: "request",
      entityId: change.requestId,
      requestId: change.requestId,
      data,
    }),
  ]);
}
