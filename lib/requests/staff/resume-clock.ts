import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { requests, type Request } from "@/db/schema";
import { SYSTEM_ACTOR, type Actor } from "@/lib/audit/actor";
import { recordRequestChange } from "../record-request-change";

type ClockFields = Pick<Request, "id" | "pausedAt" | "pausedMs" | "dueAt" | "originalDueAt">;

/**
 * Starts a paused clock again: the time spent paused is added to pausedMs and the due date moves
 * later by as much (the first due date is kept in originalDueAt). Does nothing when the clock is
 * running. Call it inside the transaction that takes the request out of the paused status; it
 * writes its own (staff-only) timeline event and audit row. Returns the request with the new values.
 */
export async function resumeClock<R extends ClockFields>(tx: Tx, request: R, now = new Date(), actor: Actor = SYSTEM_ACTOR): Promise<R> {
  if (!request.pausedAt) return request;
  const pausedFor = Math.max(0, now.getTime() - request.pausedAt.getTime());
  const pausedMs = request.pausedMs + pausedFor;
  const dueAt = request.dueAt ? new Date(request.dueAt.getTime() + pausedFor) : null;
  const originalDueAt = request.originalDueAt ?? request.dueAt;
  await tx.update(requests).set({ pausedAt: null, pausedMs, dueAt, originalDueAt }).where(eq(requests.id, request.id));
  await recordRequestChange(tx, {
    requestId: request.id,
    kind: "clock_resumed",
    actor,
    data: { pausedMs: pausedFor, totalPausedMs: pausedMs, from: request.dueAt?.toISOString() ?? null, to: dueAt?.toISOString() ?? null },
    visibleToRequester: false,
  });
  return { ...request, pausedAt: null, pausedMs, dueAt, originalDueAt };
}
