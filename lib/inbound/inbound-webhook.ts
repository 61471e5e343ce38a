import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { errorMessage, log } from "@/lib/log";
import { ingestEmail } from "./ingest-email";
import { readLimitedBody } from "./read-limited-body";
import { checkSignatureHeaders, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from "@/lib/security/webhook-signature";

// A raw message with the portal's largest attachments, base64-encoded, plus headroom.
export const MAX_WEBHOOK_MESSAGE_BYTES = 80 * 1024 * 1024;

export type InboundWebhookOptions = {
  secret: string;
  /** The database, asked for only once the message is known to be signed. */
  db: () => Promise<Db>;
  maxBytes?: number;
};

/**
 * The signed inbound-mail webhook (app/api/inbound-email): the raw RFC 822 message as the body.
 * The signature headers and timestamp are checked before the body is read, and the body is read
 * only up to the limit (413 past it, with or without Content-Length). Answers 202 once the raw
 * message is stored, whatever parsing made of it (a failed parse is retried by the worker and
 * shown to staff); 503 only when it could not be stored, so the sender retries.
 */
export async function handleInboundWebhook(request: Request, { secret, db, maxBytes = MAX_WEBHOOK_MESSAGE_BYTES }: InboundWebhookOptions): Promise<Response> {
  const headers = { signature: request.headers.get(SIGNATURE_HEADER), timestamp: request.headers.get(TIMESTAMP_HEADER) };
  const early = checkSignatureHeaders(headers);
  if (!early.ok) return Response.json({ error: `bad signature (${early.reason})` }, { status: 401 });

  const body = await readLimitedBody(request, maxBytes);
  if (!body.ok) return Response.json({ error: "message too large" }, { status: 413 });
  const check = verifyWebhookSignature(secret, body.bytes, headers);
  if (!check.ok) return Response.json({ error: `bad signature (${check.reason})` }, { status: 401 });
  if (body.bytes.byteLength === 0) return Response.json({ error: "empty message" }, { status: 400 });

  try {
    const sourceKey = `webhook:${createHash("sha256").update(body.bytes).digest("hex")}`;
    const result = await ingestEmail(await db(), { raw: body.bytes, sourceKey });
    return Response.json(result, { status: 202 });
  } catch (error) {
    log.error("inbound webhook: message could not be stored", { error: errorMessage(error) });
    return Response.json({ error: "could not store the message, retry later" }, { status: 503 });
  }
}
