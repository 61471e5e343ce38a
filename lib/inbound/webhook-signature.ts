import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "x-privacy-desk-signature";
export const TIMESTAMP_HEADER = "x-privacy-desk-timestamp";

/** A signature older or newer than this is refused, so a captured request cannot be replayed later. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

/** `sha256=<hex HMAC-SHA256 of "<timestamp>." + body>`, keyed with the shared secret. */
export function signWebhookBody(secret: string, body: Uint8Array, timestamp: number): string {
  const hmac = createHmac("sha256", secret).update(`${timestamp}.`).update(body);
  return `sha256=${hmac.digest("hex")}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: "missing" | "stale" | "mismatch" };

/** Checks a webhook's signature and timestamp headers in constant time. */
export function verifyWebhookSignature(
  secret: string,
  body: Uint8Array,
  headers: { signature: string | null; timestamp: string | null },
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  if (!headers.signature || !headers.timestamp || !/^\d{1,12}$/.test(headers.timestamp)) return { ok: false, reason: "missing" };
  const timestamp = Number(headers.timestamp);
  if (Math.abs(nowSeconds - timestamp) > MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: "stale" };
  const expected = Buffer.from(signWebhookBody(secret, body, timestamp));
  const given = Buffer.from(headers.signature.trim());
  return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: "mismatch" };
}
