import { readLimitedBody } from "../../inbound/read-limited-body";
import { SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from "../../security/webhook-signature";
import type { HttpCallPurpose } from "@/db/schema";

/** The call's id: the same on every try, so the endpoint can tell a retry from a new call. */
export const IDEMPOTENCY_HEADER = "idempotency-key";
export const PURPOSE_HEADER = "x-privacy-desk-purpose";

/** An answer bigger than this is refused (an access answer is rows for one person). */
export const MAX_ANSWER_BYTES = 20 * 1024 * 1024;

export type CallOutcome =
  | { kind: "answered"; body: unknown }
  /** Worth trying again later: a time-out, no connection, 408, 429 or 5xx. */
  | { kind: "retry"; error: string }
  /** Trying again will not help: another 4xx, or an answer that is not JSON. */
  | { kind: "failed"; error: string };

export type SignedCall = { url: string; body: Buffer; signingKey: string; callId: string; purpose: HttpCallPurpose; timeoutMs: number; nowSeconds?: number };

/**
 * One try of a call: POST the JSON body signed like the inbound webhook (HMAC-SHA256 of
 * "<timestamp>." + body, lib/security/webhook-signature.ts), with the call's id as Idempotency-Key,
 * cut off after the source's time-out. Errors are described without the answer's body (it may
 * hold personal data).
 */
export async function sendSignedCall(call: SignedCall): Promise<CallOutcome> {
  const timestamp = call.nowSeconds ?? Math.floor(Date.now() / 1000);
  let response: Response;
  try {
    response = await fetch(call.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        [SIGNATURE_HEADER]: signWebhookBody(call.signingKey, call.body, timestamp),
        [TIMESTAMP_HEADER]: String(timestamp),
        [IDEMPOTENCY_HEADER]: call.callId,
        [PURPOSE_HEADER]: call.purpose,
      },
      body: new Uint8Array(call.body),
      redirect: "error",
      signal: AbortSignal.timeout(call.timeoutMs),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "TimeoutError" || name === "AbortError") return { kind: "retry", error: `no answer within ${Math.round(call.timeoutMs / 1000)} s` };
    const cause = error instanceof Error && error.cause instanceof Error ? ((error.cause as NodeJS.ErrnoException).code ?? error.cause.name) : name;
    return { kind: "retry", error: `no connection (${cause || "network error"})` };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const retry = response.status === 408 || response.status === 429 || response.status >= 500;
    return { kind: retry ? "retry" : "failed", error: `HTTP ${response.status}` };
  }
  let read;
  try {
    read = await readLimitedBody(response, MAX_ANSWER_BYTES);
  } catch {
    return { kind: "retry", error: "the answer was cut off" };
  }
  if (!read.ok) return { kind: "failed", error: `the answer is over ${MAX_ANSWER_BYTES / 1024 / 1024} MB` };
  if (read.bytes.byteLength === 0) return { kind: "answered", body: null };
  try {
    return { kind: "answered", body: JSON.parse(Buffer.from(read.bytes).toString("utf8")) };
  } catch {
    return { kind: "failed", error: "the answer is not JSON" };
  }
}
