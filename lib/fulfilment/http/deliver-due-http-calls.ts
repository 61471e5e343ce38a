import type { Db } from "@/db/client";
import type { FulfilmentHttpCall } from "@/db/schema";
import { backoffMs, claimDue } from "@/lib/jobs/leased-queue";
import { errorMessage, log } from "@/lib/log";
import type { RunDeps } from "../runs/run-support";
import { open } from "../secrets/sealed-box";
import { parseAnswer } from "./call-answers";
import { callBodyAad } from "./enqueue-http-call";
import { HTTP_CALL_BACKOFF, HTTP_CALL_BATCH_SIZE, HTTP_CALL_MAX_ATTEMPTS, HTTP_CALL_QUEUE } from "./http-call-queue";
import { recordCallAnswer, recordCallFailure, recordCallRetry } from "./record-call-outcome";
import { sendSignedCall, type CallOutcome } from "./send-signed-call";
import { openSigningKey, SigningKeyMissingError } from "./signing-key";

export type HttpCallCounts = { claimed: number; answered: number; retried: number; failed: number };

/**
 * The worker's HTTP step: claims due calls (lib/jobs/leased-queue.ts), sends each signed, and
 * records what came back — rows into the run's sealed store, counts and action names on the call
 * and the timeline — or schedules the next try, or gives up after HTTP_CALL_MAX_ATTEMPTS. `deps`
 * (the map in force, the key) is read only when there is a call to send.
 */
export async function deliverDueHttpCalls(db: Db, getDeps: () => Promise<RunDeps>, { now = new Date(), batchSize = HTTP_CALL_BATCH_SIZE } = {}): Promise<HttpCallCounts> {
  const claimed = await claimDue(db, HTTP_CALL_QUEUE, now, batchSize);
  const counts: HttpCallCounts = { claimed: claimed.length, answered: 0, retried: 0, failed: 0 };
  if (claimed.length === 0) return counts;
  const deps = await getDeps();
  for (const call of claimed) {
    const outcome = await tryCall(db, call, deps);
    if (outcome.kind === "answered") {
      const parsed = parseAnswer(call.purpose, outcome.body);
      if (parsed) {
        await recordCallAnswer(db, call, parsed, deps);
        counts.answered += 1;
        continue;
      }
      await recordCallFailure(db, call, "the answer is not what this call expects (README: HTTP endpoints)");
      counts.failed += 1;
    } else if (outcome.kind === "retry" && call.attempts < HTTP_CALL_MAX_ATTEMPTS) {
      await recordCallRetry(db, call, outcome.error, new Date(now.getTime() + backoffMs(call.attempts, HTTP_CALL_BACKOFF)));
      counts.retried += 1;
    } else {
      await recordCallFailure(db, call, outcome.kind === "retry" ? `${outcome.error} (gave up after ${call.attempts} tries)` : outcome.error);
      counts.failed += 1;
    }
  }
  return counts;
}

/** One try of one call: its endpoint from the map in force, its key and body opened, then sent. */
async function tryCall(db: Db, call: FulfilmentHttpCall, deps: RunDeps): Promise<CallOutcome> {
  const source = deps.map.http_sources.find((candidate) => candidate.id === call.sourceId);
  const url = source?.calls[call.purpose];
  if (!source || !url) return { kind: "failed", error: `the data map no longer declares a ${call.purpose} call for \`${call.sourceId}\`` };
  let signingKey: string;
  try {
    signingKey = await openSigningKey(db, source.id, deps.key);
  } catch (error) {
    // An admin may store the key in a minute: worth trying again.
    if (error instanceof SigningKeyMissingError) return { kind: "retry", error: error.message };
    return { kind: "failed", error: `the signing key cannot be opened: ${errorMessage(error).slice(0, 200)}` };
  }
  const body = open(deps.key, call.bodySealed, callBodyAad(call.id));
  const outcome = await sendSignedCall({ url, body, signingKey, callId: call.id, purpose: call.purpose, timeoutMs: source.timeout_seconds * 1000 });
  if (outcome.kind !== "answered") log.warn("fulfilment HTTP call not answered", { callId: call.id, source: call.sourceId, purpose: call.purpose, attempt: call.attempts, error: outcome.error });
  return outcome;
}
