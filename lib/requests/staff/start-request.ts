import type { z } from "zod";
import type { Db } from "@/db/client";
import type { Request } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { requestRefSchema } from "./schemas";
import { assertCan } from "@/lib/auth/assert-can";
import { parseInput } from "@/lib/errors/field-errors";
import { lockRequest, moveRequest } from "./staff-context";

/** Starts work on a new request: new → in_progress. */
export async function startRequest(db: Db, input: z.input<typeof requestRefSchema>, actor: CurrentStaff, now = new Date()): Promise<Request> {
  const { requestId } = parseInput(requestRefSchema, input);
  assertCan(actor, "requests.work");
  return db.transaction(async (tx) => moveRequest(tx, await lockRequest(tx, requestId), { action: "start", actor, now }));
}
