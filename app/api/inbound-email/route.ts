import { createHash } from "node:crypto";
import { getEnv } from "@/lib/env";
import { ingestEmail } from "@/lib/inbound/ingest-email";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from "@/lib/inbound/webhook-signature";
import { errorMessage, log } from "@/lib/log";
import { readyDb } from "@/lib/startup/ensure-app-ready";

export const dynamic = "force-dynamic";

// A raw message with the portal's largest attachments, base64-encoded, plus headroom.
const MAX_MESSAGE_BYTES = 80 * 1024 * 1024;

/**
 * Inbound e-mail from an MTA pipe or a mail provider's webhook: the raw RFC 822 message as the
 * body, signed with INBOUND_WEBHOOK_SECRET (see README, "Inbound e-mail"). Answers 202 once the
 * message is stored; 503 when it could not be stored, so the sender retries.
 */
export async function POST(request: Request): Promise<Response> {
  const secret = getEnv().INBOUND_WEBHOOK_SECRET;
  if (!secret) return Response.json({ error: "inbound webhook is not configured" }, { status: 404 });
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_MESSAGE_BYTES) return Response.json({ error: "message too large" }, { status: 413 });

  const body = new Uint8Array(await request.arrayBuffer());
  if (body.byteLength > MAX_MESSAGE_BYTES) return Response.json({ error: "message too large" }, { status: 413 });
  const check = verifyWebhookSignature(secret, body, {
    signature: request.headers.get(SIGNATURE_HEADER),
    timestamp: request.headers.get(TIMESTAMP_HEADER),
  });
  if (!check.ok) return Response.json({ error: `bad signature (${check.reason})` }, { status: 401 });
  if (body.byteLength === 0) return Response.json({ error: "empty message" }, { status: 400 });

  try {
    const sourceKey = `webhook:${createHash("sha256").update(body).digest("hex")}`;
    const result = await ingestEmail(await readyDb(), { raw: body, sourceKey });
    return Response.json(result, { status: 202 });
  } catch (error) {
    log.error("inbound webhook: message could not be stored", { error: errorMessage(error) });
    return Response.json({ error: "could not store the message, retry later" }, { status: 503 });
  }
}
