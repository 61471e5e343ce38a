import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { handleInboundWebhook } from "./inbound-webhook";
import { SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from "@/lib/security/webhook-signature";

const SECRET = "webhook-test-secret-0123456789abcdef0123";
const LIMIT = 1024;

/** A body stream that counts what was pulled from it, and never ends on its own unless `chunks` run out. */
function countingBody(chunks: number, chunkSize = 256) {
  const pulled = { bytes: 0 };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ >= chunks) return controller.close();
      pulled.bytes += chunkSize;
      controller.enqueue(new Uint8Array(chunkSize).fill(0x61));
    },
  });
  return { stream, pulled };
}

function post(body: BodyInit, headers: Record<string, string>) {
  return new Request("http://127.0.0.1/api/inbound-email", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

const noDb = vi.fn(async (): Promise<Db> => {
  throw new Error("the database must not be asked for");
});

describe("handleInboundWebhook: before and while reading the body", () => {
  it("refuses missing, malformed or stale signature headers without reading a byte of the body", async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases: Record<string, string>[] = [
      {},
      { [SIGNATURE_HEADER]: "sha256=abc", [TIMESTAMP_HEADER]: String(now) },
      { [SIGNATURE_HEADER]: `sha256=${"0".repeat(64)}` },
      { [SIGNATURE_HEADER]: `sha256=${"0".repeat(64)}`, [TIMESTAMP_HEADER]: String(now - 3600) },
    ];
    for (const headers of cases) {
      const { stream, pulled } = countingBody(1_000_000);
      const response = await handleInboundWebhook(post(stream, headers), { secret: SECRET, db: noDb, maxBytes: LIMIT });
      expect(response.status).toBe(401);
      // A stream may have one chunk pulled ahead by the runtime, never more.
      expect(pulled.bytes).toBeLessThanOrEqual(256);
    }
    expect(noDb).not.toHaveBeenCalled();
  });

  it("stops a body without Content-Length at the limit with 413, reading little past it", async () => {
    const { stream, pulled } = countingBody(1_000_000);
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = { [SIGNATURE_HEADER]: `sha256=${"0".repeat(64)}`, [TIMESTAMP_HEADER]: String(timestamp) };
    const response = await handleInboundWebhook(post(stream, headers), { secret: SECRET, db: noDb, maxBytes: LIMIT });
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(LIMIT + 2 * 256);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const body = new Uint8Array(LIMIT + 1);
    const headers = { [SIGNATURE_HEADER]: signWebhookBody(SECRET, body, timestamp), [TIMESTAMP_HEADER]: String(timestamp), "content-length": String(LIMIT + 1) };
    const response = await handleInboundWebhook(post(body, headers), { secret: SECRET, db: noDb, maxBytes: LIMIT });
    expect(response.status).toBe(413);
  });

  it("checks the signature over the body once read (a wrong one is 401, the database untouched)", async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const body = new TextEncoder().encode("Subject: hi\r\n\r\nhello\r\n");
    const headers = { [SIGNATURE_HEADER]: signWebhookBody(SECRET, new TextEncoder().encode("other"), timestamp), [TIMESTAMP_HEADER]: String(timestamp) };
    const response = await handleInboundWebhook(post(body, headers), { secret: SECRET, db: noDb, maxBytes: LIMIT });
    expect(response.status).toBe(401);
    expect(noDb).not.toHaveBeenCalled();
  });
});
