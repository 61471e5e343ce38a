import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The one HMAC-SHA256 signature with a timestamp: what the inbound-mail webhook checks on what it
 * receives, and what the fulfilment HTTP connector puts on what it sends (lib/fulfilment/http).
 */

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

type SignatureHeaders = { signature: string | null; timestamp: string | null };

/** The signature's format is "sha256=" and 64 hex digits; anything else cannot match. */
const SIGNATURE_FORMAT = /^sha256=[0-9a-f]{64}$/i;

/**
 * What can be checked before the body is read: both headers present and well-formed, and the
 * timestamp fresh. The webhook refuses anything else without reading a byte of the body.
 */
export function checkSignatureHeaders(headers: SignatureHeaders, nowSeconds = Math.floor(Date.now() / 1000)): SignatureCheck {
  if (!headers.signature || !SIGNATURE_FORMAT.test(headers.signature.trim())) return { ok: false, reason: "missing" };
  if (!headers.timestamp || !/^\d{1,12}$/.test(headers.timestamp)) return { ok: false, reason: "missing" };
  if (Math.abs(nowSeconds - Number(headers.timestamp)) > MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: "stale" };
  return { ok: true };
}

/** Checks a webhook's signature and timestamp headers in constant time. */
export function verifyWebhookSignature(
  secret: string,
  body: Uint8Array,
  headers: SignatureHeaders,
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  const headerCheck = checkSignatureHeaders(headers, nowSeconds);
  if (!headerCheck.ok) return headerCheck;
  const timestamp = Number(headers.timestamp);
  const expected = Buffer.from(signWebhookBody(secret, body, timestamp));
  const given = Buffer.from(headers.signature!.trim());
  return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: "mismatch" };
}
