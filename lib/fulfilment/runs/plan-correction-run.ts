import type { Db } from "@/db/client";
import type { FulfilmentRun } from "@/db/schema";
import { assertCan } from "@/lib/auth/assert-can";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { parseRequestDetails } from "@/lib/requests/types";
import { lockRequest } from "@/lib/requests/staff/staff-context";
import { matchCorrections } from "../correct/match-corrections";
import { assertFulfillable, claimRun, recordRunEvent, requireMapSources, type RunDeps } from "./run-support";

/**
 * A correction request's changes matched to the map's columns (the values stay in the request;
 * the run keeps only which change goes where). Staff then approve each (apply-corrections.ts).
 */
export async function planCorrectionRun(db: Db, input: { requestId: string }, actor: CurrentStaff, deps: RunDeps): Promise<FulfilmentRun> {
  assertCan(actor, "fulfilment.run");
  const now = deps.now ?? new Date();
  requireMapSources(deps.map);
  return db.transaction(async (tx) => {
    const request = await lockRequest(tx, input.requestId);
    assertFulfillable(request, "correction");
    const matches = matchCorrections(deps.map, parseRequestDetails("correction", request.details).corrections);
    const { run } = await claimRun(tx, { request, step: "correction", status: "awaiting_approval", working: "awaiting_approval", resumable: [], mapVersion: deps.map.version, actor, now, summary: { matches } });
    await recordRunEvent(tx, run, "correction_planned", actor, { changes: matches.length, mapped: matches.filter((match) => match.target).length });
    return run;
  });
}
