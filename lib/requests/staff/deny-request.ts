import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Request } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { denyRequestSchema } from "./schemas";
import { assertCan } from "@/lib/auth/assert-can";
import { parseInput } from "@/lib/errors/field-errors";
import { emailRequester, lockRequest, moveRequest, requestTypeTitle, targetStatus } from "./staff-context";
import { insertOutboundMessage } from "./insert-outbound-message";

/**
 * Declines an open request with a reason code (DENIAL_REASONS) and an explanation. The requester
 * is told both, and how to complain: to the operator and to the data-protection authority of the
 * request's jurisdiction. The explanation also appears in the correspondence on the status page.
 */
export async function denyRequest(db: Db, input: z.input<typeof denyRequestSchema>, actor: CurrentStaff, now = new Date()): Promise<Request> {
  const data = parseInput(denyRequestSchema, input);
  assertCan(actor, "requests.work");
  return db.transaction(async (tx) => {
    const request = await lockRequest(tx, data.requestId);
    targetStatus(request, "deny", actor);
    const email = await emailRequester(
      tx,
      request,
      "request_denied",
      { requestType: await requestTypeTitle(request), reason: data.reason, note: data.note, jurisdiction: request.jurisdiction },
      now,
    );
    const message = await insertOutboundMessage(tx, { requestId: request.id, staffId: actor.id, body: data.note, outboxEmailId: email.id, now });
    const updated = await moveRequest(tx, request, {
      action: "deny",
      actor,
      now,
      event: { kind: "denied", data: { reason: data.reason, messageId: message!.id } },
      set: { denialReason: data.reason, outcomeNote: data.note },
    });
    return updated;
  });
}
