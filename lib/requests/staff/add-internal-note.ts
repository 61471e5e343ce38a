import type { z } from "zod";
import type { Db } from "@/db/client";
import { requestMessages } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { recordRequestChange } from "../record-request-change";
import { internalNoteSchema } from "./schemas";
import { assertCan } from "@/lib/auth/assert-can";
import { parseInput } from "@/lib/errors/field-errors";
import { lockRequest, staffActor } from "./staff-context";

/** A note for colleagues on a request (open or closed); never shown or sent to the requester. */
export async function addInternalNote(db: Db, input: z.input<typeof internalNoteSchema>, actor: CurrentStaff, now = new Date()): Promise<{ messageId: string }> {
  const data = parseInput(internalNoteSchema, input);
  assertCan(actor, "requests.work");
  return db.transaction(async (tx) => {
    const request = await lockRequest(tx, data.requestId);
    const [message] = await tx
      .insert(requestMessages)
      .values({ requestId: request.id, direction: "internal", authorType: "staff", authorId: actor.id, channel: "dashboard", body: data.body, createdAt: now })
      .returning();
    // The note's text stays in request_messages (which retention can anonymise), not in the audit chain.
    await recordRequestChange(tx, { requestId: request.id, kind: "note_added", actor: staffActor(actor), data: { messageId: message!.id }, visibleToRequester: false });
    return { messageId: message!.id };
  });
}
