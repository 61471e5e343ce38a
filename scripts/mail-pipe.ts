// npm run --silent mail:pipe < message.eml — for an MTA pipe (e.g. Postfix `| npm run --silent mail:pipe`):
// signs the raw message from stdin with INBOUND_WEBHOOK_SECRET and posts it to APP_URL/api/inbound-email.
// Exits 75 (EX_TEMPFAIL) when the app could not take it, so the MTA keeps the message and retries.
import { getEnv } from "@/lib/env";
import { SIGNATURE_HEADER, signWebhookBody, TIMESTAMP_HEADER } from "@/lib/security/webhook-signature";

const EX_TEMPFAIL = 75;
const EX_CONFIG = 78;

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function main(): Promise<number> {
  const env = getEnv();
  if (!env.INBOUND_WEBHOOK_SECRET) {
    console.error("INBOUND_WEBHOOK_SECRET is not set (see README, \"Inbound e-mail\")");
    return EX_CONFIG;
  }
  const body = await readStdin();
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(new URL("/api/inbound-email", env.APP_URL), {
    method: "POST",
    headers: {
      "content-type": "message/rfc822",
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signWebhookBody(env.INBOUND_WEBHOOK_SECRET, body, timestamp),
    },
    body: Buffer.from(body),
  });
  if (response.status === 202) return 0;
  console.error(`inbound e-mail not accepted: ${response.status} ${await response.text()}`);
  return response.status === 401 || response.status === 404 ? EX_CONFIG : EX_TEMPFAIL;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(EX_TEMPFAIL);
  },
);
