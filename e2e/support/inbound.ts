import type { APIRequestContext, APIResponse } from "@playwright/test";
import { signWebhookBody } from "../../lib/security/webhook-signature";

/** The e2e server's INBOUND_WEBHOOK_SECRET (at least 32 characters, as the app requires). */
export const E2E_INBOUND_WEBHOOK_SECRET = "e2e-inbound-webhook-secret-0123456789abcdef";

/** A plain-text RFC 822 message with CRLF line ends, as a mail server would hand it over. */
export function rawEmail(headers: Record<string, string>, body: string): string {
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return [...head, "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", body, ""].join("\r\n");
}

/** Delivers a raw message through the signed inbound webhook, the way an MTA pipe or a mail provider does. */
export async function postInboundEmail(request: APIRequestContext, raw: string, secret = E2E_INBOUND_WEBHOOK_SECRET): Promise<APIResponse> {
  const body = new TextEncoder().encode(raw);
  const timestamp = Math.floor(Date.now() / 1000);
  return request.post("/api/inbound-email", {
    headers: {
      "content-type": "message/rfc822",
      "x-privacy-desk-timestamp": String(timestamp),
      "x-privacy-desk-signature": signWebhookBody(secret, body, timestamp),
    },
    data: Buffer.from(body),
  });
}
