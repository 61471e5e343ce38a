import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { inboundEmails } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { assertCan } from "@/lib/auth/assert-can";
import { parseInput } from "@/lib/errors/field-errors";
import { AppError } from "@/lib/errors/app-error";
import { dismissInboundSchema, INBOUND_STATUS_ACTIONS } from "./inbound-staff-schemas";
import { lockInboundEmail } from "./lock-inbound-email";


/**
 * Staff set aside an e-mail that needs no action (spam, a newsletter, a message for someone
 * else), saying why. The raw message is kept; only its status changes.
 */
export async function dismissInboundEmail(db: Db, input: z.input<typeof dismissInboundSchema>, actor: CurrentStaff, now = new Date()): Promise<void> {
  const data = parseInput(dismissInboundSchema, input);
  assertCan(actor, "requests.work");
  await db.transaction(async (tx) => {
    const email = await lockInboundEmail(tx, data.inboundEmailId);
    if (!INBOUND_STATUS_ACTIONS[email.status].includes("dismiss")) throw new AppError("wrong_status", { details: { status: email.status } });
    await tx
      .update(inboundEmails)
      .set({ status: "dismissed", nextAttemptAt: null, resolvedById: actor.id, resolvedAt: now, resolutionNote: data.reason })
      .where(eq(inboundEmails.id, email.id));
    await recordAuditEvent(tx, {
      actorType: "staff",
      actorId: actor.id,
      action: "inbound_email.dismissed",
      entityType: "inbound_email",
      entityId: email.id,
      requestId: email.requestId,
      data: { reason: data.reason, previousStatus: email.status },
    });
  });
}
