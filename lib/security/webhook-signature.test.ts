import { describe, expect, it } from "vitest";
import { MAX_CLOCK_SKEW_SECONDS, signWebhookBody, verifyWebhookSignature } from "./webhook-signature";

const SECRET = "s".repeat(40);
const body = new TextEncoder().encode("From: a@example.com\r\nSubject: Привет\r\n\r\nТекст");
const now = 1_800_000_000;

describe("webhook signature", () => {
  it("accepts the signature made with the shared secret", () => {
    const signature = signWebhookBody(SECRET, body, now);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(SECRET, body, { signature, timestamp: String(now) }, now)).toEqual({ ok: true });
  });

  it("refuses another secret, a changed body and a changed timestamp", () => {
    const signature = signWebhookBody(SECRET, body, now);
    expect(verifyWebhookSignature("x".repeat(40), body, { signature, timestamp: String(now) }, now)).toEqual({ ok: false, reason: "mismatch" });
    const changed = new Uint8Array(body);
    changed[0] = changed[0]! ^ 1;
    expect(verifyWebhookSignature(SECRET, changed, { signature, timestamp: String(now) }, now)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature(SECRET, body, { signature, timestamp: String(now - 1) }, now)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses missing headers and old or future timestamps", () => {
    const signature = signWebhookBody(SECRET, body, now);
    expect(verifyWebhookSignature(SECRET, body, { signature: null, timestamp: String(now) }, now)).toEqual({ ok: false, reason: "missing" });
    expect(verifyWebhookSignature(SECRET, body, { signature, timestamp: "yesterday" }, now)).toEqual({ ok: false, reason: "missing" });
    const old = now - MAX_CLOCK_SKEW_SECONDS - 1;
    expect(verifyWebhookSignature(SECRET, body, { signature: signWebhookBody(SECRET, body, old), timestamp: String(old) }, now)).toEqual({ ok: false, reason: "stale" });
    const future = now + MAX_CLOCK_SKEW_SECONDS + 1;
    expect(verifyWebhookSignature(SECRET, body, { signature: signWebhookBody(SECRET, body, future), timestamp: String(future) }, now)).toEqual({ ok: false, reason: "stale" });
  });
});
