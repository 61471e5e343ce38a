import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Request } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { requestRefSchema } from "./schemas";
import { assertCan } from "@/lib/auth/assert-can";
import { parseInput } from "@/lib/errors/field-errors";
import { emailRequester, lockRequest, moveRequest, requestTypeTitle } from "./staff-context";

/**
 * Takes a declined request up again, typically after the requester replied to contest the denial:
 * denied → in_progress (the lifecycle table decides). The denial stays on the timeline and in the
 * audit log; the request row loses its closing date, reason and outcome note, since it is open again.
 * The requester is told by e-mail (with a fresh status link), since the denial told them it was final.
 */
export async function reopenRequest(db: Db, input: z.input<typeof requestRefSchema>, actor: CurrentStaff, now = new Date()): Promise<Request> {
  const { requestId } = parseInput(requestRefSchema, input);
  assertCan(actor, "requests.work");
  return db.transaction(async (tx) => {
    const reopened = await moveRequest(tx, await lockRequest(tx, requestId), {
      action: "reopen",
      actor,
      now,
      event: { kind: "status_changed", data: { reopened: true } },
      set: { closedAt: null, denialReason: null, outcomeNote: null },
    });
    await emailRequester(tx, reopened, "request_reopened", { requestType: await requestTypeTitle(reopened) }, now);
    return reopened;
  });
}
