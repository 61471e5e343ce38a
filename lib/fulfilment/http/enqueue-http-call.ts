import { randomUUID } from "node:crypto";
import { and, eq, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { fulfilmentHttpCalls, type HttpCallPurpose } from "@/db/schema";
import { seal } from "../secrets/sealed-box";

/** The aad of a call's sealed body: a body cannot be moved to another call. */
export const callBodyAad = (callId: string) => `http-call:${callId}`;

export type HttpCallInput = { requestId: string; runId: string | null; sourceId: string; purpose: HttpCallPurpose; body: Record<string, unknown>; key: Buffer; now: Date };

/**
 * Queues a signed call in the caller's transaction (it is sent if and only if what decided it
 * commits). One call per request, endpoint and purpose: queued again, a call that failed for good
 * is re-armed (due now, tries counted from zero); one pending or answered is left as it is.
 * Securing an account goes before everything else.
 */
export async function enqueueHttpCall(tx: Tx, input: HttpCallInput): Promise<void> {
  const id = randomUUID();
  const body = Buffer.from(JSON.stringify({ id, purpose: input.purpose, ...input.body }), "utf8");
  const inserted = await tx
    .insert(fulfilmentHttpCalls)
    .values({
      id,
      requestId: input.requestId,
      runId: input.runId,
      sourceId: input.sourceId,
      purpose: input.purpose,
      priority: input.purpose === "secure_account" ? 0 : 1,
      bodySealed: seal(input.key, body, callBodyAad(id)),
      createdAt: input.now,
      nextAttemptAt: input.now,
    })
    .onConflictDoNothing()
    .returning({ id: fulfilmentHttpCalls.id });
  if (inserted.length > 0) return;
  await rearmFailedCall(tx, and(eq(fulfilmentHttpCalls.requestId, input.requestId), eq(fulfilmentHttpCalls.sourceId, input.sourceId), eq(fulfilmentHttpCalls.purpose, input.purpose))!, input.now);
}

/** A call that failed for good, due again now with its tries counted from zero; false when it was not failed. */
export async function rearmFailedCall(tx: Tx, which: SQL, now: Date): Promise<boolean> {
  const rearmed = await tx
    .update(fulfilmentHttpCalls)
    .set({ status: "pending", attempts: 0, nextAttemptAt: now, finishedAt: null, answer: null })
    .where(and(which, eq(fulfilmentHttpCalls.status, "failed")))
    .returning({ id: fulfilmentHttpCalls.id });
  return rearmed.length > 0;
}
