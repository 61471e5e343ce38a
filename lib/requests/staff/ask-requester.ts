import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Request } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { recordRequestChange } from "../record-request-change";
import { askRequesterSchema } from "./schemas";
import { assertCan } from "@/lib/auth/assert-can";
import { parseInput } from "@/lib/errors/field-errors";
import { emailRequester, lockRequest, moveRequest, staffActor, targetStatus } from "./staff-context";
import { insertOutboundMessage } from "./insert-outbound-message";

/**
 * Asks the requester for information: the message is e-mailed to them and shown on their status
 * page, and the request waits for them (in_progress → awaiting_requester). Where the request's
 * deadline rule pauses while awaiting the requester, the clock stops until they reply.
 */
export async function askRequester(
  db: Db,
  input: z.input<typeof askRequesterSchema>,
  actor: CurrentStaff,
  now = new Date(),
): Promise<{ request: Request; messageId: string }> {
  const data = parseInput(askRequesterSchema, input);
  assertCan(actor, "requests.work");
  return db.transaction(async (tx) => {
    const request = await lockRequest(tx, data.requestId);
    targetStatus(request, "ask_requester", actor);
    const email = await emailRequester(tx, request, "information_requested", { body: data.message }, now);
    const message = await insertOutboundMessage(tx, { requestId: request.id, staffId: actor.id, body: data.message, outboxEmailId: email.id, now });
    await recordRequestChange(tx, { requestId: request.id, kind: "message_sent", actor: staffActor(actor), data: { messageId: message!.id, purpose: "information_requested" } });
    const updated = await moveRequest(tx, request, { action: "ask_requester", actor, now });
    return { request: updated, messageId: message!.id };
  });
}
