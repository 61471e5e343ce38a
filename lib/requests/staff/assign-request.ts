import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { requests, staff, type Request } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { recordRequestChange } from "../record-request-change";
import { AppError } from "@/lib/errors/app-error";
import { assignRequestSchema } from "./schemas";
import { assertCan } from "@/lib/auth/assert-can";
import { parseInput } from "@/lib/errors/field-errors";
import { can } from "@/lib/auth/permissions";
import { assertOpen, lockRequest, staffActor } from "./staff-context";

/** Puts an open request on a colleague's desk (an active agent or admin), on one's own, or on nobody's (null). */
export async function assignRequest(db: Db, input: z.input<typeof assignRequestSchema>, actor: CurrentStaff): Promise<Request> {
  const data = parseInput(assignRequestSchema, input);
  assertCan(actor, "requests.work");
  return db.transaction(async (tx) => {
    const request = await lockRequest(tx, data.requestId);
    assertOpen(request);
    let assignee: { id: string; name: string } | null = null;
    if (data.assigneeId) {
      const [row] = await tx.select().from(staff).where(eq(staff.id, data.assigneeId));
      if (!row || row.disabledAt || !can(row.role, "requests.work")) throw new AppError("conflict", { reason: "bad_assignee" });
      assignee = { id: row.id, name: row.name };
    }
    if ((request.assigneeId ?? null) === (assignee?.id ?? null)) return request;
    const [updated] = await tx.update(requests).set({ assigneeId: assignee?.id ?? null }).where(eq(requests.id, request.id)).returning();
    await recordRequestChange(tx, {
      requestId: request.id,
      kind: "assigned",
      actor: staffActor(actor),
      data: { from: request.assigneeId, to: assignee?.id ?? null, toName: assignee?.name ?? null },
      visibleToRequester: false,
    });
    return updated!;
  });
}
