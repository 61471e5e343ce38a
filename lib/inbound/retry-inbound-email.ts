import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { inboundEmails, type InboundStatus } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { assertCan } from "@/lib/auth/assert-can";
import { parseInput } from "@/lib/errors/field-errors";
import { AppError } from "@/lib/errors/app-error";
import { INBOUND_STATUS_ACTIONS, inboundRefSchema } from "./inbound-staff-schemas";
import { lockInboundEmail } from "./lock-inbound-email";
import { processInboundEmail } from "./process-inbound-email";

/**
 * Staff process a failed (or not yet processed) e-mail again (after a fix, or once what it depended on is there): it
 * goes back to "received" and through the same processing as new mail. Returns where it ended up;
 * a new failure is kept on the row as before.
 */
export async function retryInboundEmail(db: Db, input: z.input<typeof inboundRefSchema>, actor: CurrentStaff, now = new Date()): Promise<InboundStatus> {
  const { inboundEmailId } = parseInput(inboundRefSchema, input);
  assertCan(actor, "requests.work");
  await db.transaction(async (tx) => {
    const email = await lockInboundEmail(tx, inboundEmailId);
    if (!INBOUND_STATUS_ACTIONS[email.status].includes("retry")) throw new AppError("wrong_status", { details: { status: email.status } });
    await tx.update(inboundEmails).set({ status: "received" }).where(eq(inboundEmails.id, email.id));
    await recordAuditEvent(tx, {
      actorType: "staff",
      actorId: actor.id,
      action: "inbound_email.retried",
      entityType: "inbound_email",
      entityId: email.id,
      data: { previousError: email.error, attempts: email.attempts },
    });
  });
  return processInboundEmail(db, inboundEmailId, now);
}
