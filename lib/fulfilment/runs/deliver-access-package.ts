import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fulfilmentRuns, requests, type FulfilmentRun } from "@/db/schema";
import { assertCan } from "@/lib/auth/assert-can";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { AppError } from "@/lib/errors/app-error";
import { getTranslator } from "@/lib/i18n/translator";
import { completeRequest } from "@/lib/requests/staff/complete-request";
import { open } from "../secrets/sealed-box";
import { recordRunEvent } from "./run-support";

/**
 * Staff approve the previewed package: the request is completed with the ZIP as its data
 * package (downloadable from the status page for 30 days, the requester is e-mailed), and the
 * sealed copy is dropped. Completing and marking the run are two transactions: a crash between
 * them is mended by the next call, which finds the request completed and only marks the run.
 */
export async function deliverAccessPackage(db: Db, input: { runId: string }, actor: CurrentStaff, key: Buffer, now = new Date()): Promise<FulfilmentRun> {
  assertCan(actor, "fulfilment.run");
  const [run] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, input.runId));
  if (!run || run.step !== "access") throw new AppError("not_found");
  if (run.status !== "preview" || !run.packageSealed) throw new AppError("conflict", { reason: "run_state", details: { status: run.status } });
  const [request] = await db.select({ status: requests.status, locale: requests.locale, reference: requests.reference }).from(requests).where(eq(requests.id, run.requestId));
  if (!request) throw new AppError("not_found");
  if (request.status !== "completed") {
    const zip = open(key, run.packageSealed, `package:${run.id}`);
    const t = await getTranslator(request.locale);
    await completeRequest(
      db,
      {
        requestId: run.requestId,
        note: t("fulfilment.package.completionNote"),
        files: [{ filename: `${request.reference ?? "data"}-personal-data.zip`, contentType: "application/zip", sizeBytes: zip.length, bytes: zip }],
      },
      actor,
      now,
    );
  }
  return db.transaction(async (tx) => {
    const [delivered] = await tx.update(fulfilmentRuns).set({ status: "delivered", packageSealed: null, approvedBy: actor.id, approvedAt: now, updatedAt: now }).where(eq(fulfilmentRuns.id, run.id)).returning();
    await recordRunEvent(tx, delivered!, "delivered", actor, { packageBytes: (run.summary as { packageBytes?: number }).packageBytes ?? null });
    return delivered!;
  });
}
