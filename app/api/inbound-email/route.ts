import { getEnv } from "@/lib/env";
import { handleInboundWebhook } from "@/lib/inbound/inbound-webhook";
import { readyDb } from "@/db/ready";

export const dynamic = "force-dynamic";

/** Inbound e-mail from an MTA pipe or a mail provider's webhook (see README, "Inbound e-mail"). */
export async function POST(request: Request): Promise<Response> {
  const secret = getEnv().INBOUND_WEBHOOK_SECRET;
  if (!secret) return Response.json({ error: "inbound webhook is not configured" }, { status: 404 });
  return handleInboundWebhook(request, { secret, db: readyDb });
}
