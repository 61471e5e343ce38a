import type { Tx } from "@/db/client";
import { requestMessages } from "@/db/schema";

/** A message from staff to the requester, carried by the outbox e-mail written in the same transaction. */
export async function insertOutboundMessage(
  tx: Tx,
  { requestId, staffId, body, outboxEmailId, now }: { requestId: string; staffId: string; body: string; outboxEmailId: string; now: Date },
): Promise<{ id: string; createdAt: Date }> {
  const [message] = await tx
    .insert(requestMessages)
    .values({ requestId, direction: "outbound", authorType: "staff", authorId: staffId, channel: "email", body, outboxEmailId, createdAt: now })
    .returning({ id: requestMessages.id, createdAt: requestMessages.createdAt });
  return message!;
}
