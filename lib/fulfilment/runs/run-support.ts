import { and, eq, inArray, sql } from "drizzle-orm";
import { parseRequestDetails } from "@/lib/requests/types";
import type { FulfilmentEvent } from "@/lib/requests/timeline-events";
import type { Db, Tx } from "@/db/client";
import { fulfilmentRuns, fulfilmentRunSources, type FulfilmentRun, type FulfilmentRunStatus, type FulfilmentStep, type Request } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { AppError } from "@/lib/errors/app-error";
import { recordRequestChange } from "@/lib/requests/record-request-change";
import { staffActor } from "@/lib/requests/staff/staff-context";
import type { SourceOpener } from "../sources/open-source";
import type { DataMap } from "../map/map-schema";
import { identitiesOf, type Identities } from "../traverse/identities";

/** What every run needs from outside: the map in force, a way to reach sources, the key, limits. */
export type RunDeps = { map: DataMap; openSource: SourceOpener; key: Buffer; rowCap: number; packageMaxBytes?: number; now?: Date };

/** The access package's size limit when none is given (FULFILMENT_PACKAGE_MAX_MB's default). */
export const DEFAULT_PACKAGE_MAX_BYTES = 10 * 1024 * 1024;

/** The run's error when the package is over the limit: a code the request page translates, with the sizes in the run's summary. */
export const PACKAGE_TOO_LARGE = "package_too_large";

/** A run stuck in a working state this long (its process died) may be taken over by another. */
export const RUN_LEASE_MS = 5 * 60_000;

/**
 * The identities a search starts from: the requester's verified e-mail address always; the phone
 * and account id they typed only when staff confirm they checked them (nobody verified them).
 */
export function requestIdentities(request: Request, use: { phone?: boolean; accountId?: boolean } = {}): Identities {
  const answers = parseRequestDetails(request.type, request.details);
  const accountId = ("accountIdentifier" in answers ? answers.accountIdentifier : null) ?? "";
  const useAccount = Boolean(use.accountId && accountId);
  return identitiesOf({
    emails: [request.requesterEmail, ...(useAccount && accountId.includes("@") ? [accountId] : [])],
    phones: [...(use.phone && request.requesterPhone ? [request.requesterPhone] : []), ...(useAccount ? [accountId] : [])],
    accountIds: useAccount ? [accountId] : [],
  });
}

/** An error as a run keeps it: its class and code, with anything quoted (values, possibly personal) cut out. */
export function safeErrorText(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? ` [${String((error as { code: unknown }).code)}]` : "";
  const message = error instanceof Error ? error.message : String(error);
  return `${message.replace(/(["'«`])[^"'»`]*(["'»`])/g, "…").slice(0, 300)}${code}`;
}

/**
 * Creates the run for (request, step), or takes over the existing one when `resumable` says its
 * status may be resumed (a failure, or a working state whose lease ran out). Anything else: the
 * step ran already → AppError conflict run_exists. Inside the caller's transaction.
 */
export async function claimRun(
  tx: Tx,
  input: { request: Request; step: FulfilmentStep; status: FulfilmentRunStatus; mapVersion: number; actor: CurrentStaff; resumable: readonly FulfilmentRunStatus[]; working: FulfilmentRunStatus; now: Date; summary?: Record<string, unknown> },
): Promise<{ run: FulfilmentRun; resumed: boolean }> {
  const [created] = await tx
    .insert(fulfilmentRuns)
    .values({ requestId: input.request.id, step: input.step, status: input.status, mapVersion: input.mapVersion, startedBy: input.actor.id, summary: input.summary ?? {}, createdAt: input.now, updatedAt: input.now })
    .onConflictDoNothing()
    .returning();
  if (created) return { run: created, resumed: false };
  const staleBefore = new Date(input.now.getTime() - RUN_LEASE_MS);
  const [taken] = await tx
    .update(fulfilmentRuns)
    .set({ status: input.working, updatedAt: input.now, error: null })
    .where(
      and(
        eq(fulfilmentRuns.requestId, input.request.id),
        eq(fulfilmentRuns.step, input.step),
        sql`(${inArray(fulfilmentRuns.status, [...input.resumable])} or (${fulfilmentRuns.status} = ${input.working} and ${fulfilmentRuns.updatedAt} < ${staleBefore.toISOString()}::timestamptz))`,
      ),
    )
    .returning();
  if (!taken) throw new AppError("conflict", { reason: "run_exists" });
  return { run: taken, resumed: true };
}

/** The run, locked; not_found when missing. */
export async function lockRun(tx: Tx, runId: string): Promise<FulfilmentRun> {
  const [run] = await tx.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, runId)).for("update");
  if (!run) throw new AppError("not_found");
  return run;
}

export async function ensureRunSources(tx: Tx, runId: string, sourceIds: readonly string[]): Promise<void> {
  if (sourceIds.length === 0) return;
  await tx
    .insert(fulfilmentRunSources)
    .values(sourceIds.map((sourceId) => ({ runId, sourceId })))
    .onConflictDoNothing();
}

export async function runSources(db: Db | Tx, runId: string) {
  return db.select().from(fulfilmentRunSources).where(eq(fulfilmentRunSources.runId, runId));
}

/** A run's event on the request's timeline (staff only) and in the audit log: counts and ids, never values. */
export async function recordRunEvent(tx: Tx, run: FulfilmentRun, kind: FulfilmentEvent, actor: CurrentStaff | null, data: Record<string, string | number | boolean | null>): Promise<void> {
  await recordRequestChange(tx, {
    requestId: run.requestId,
    kind: `fulfilment_${kind}`,
    actor: actor ? staffActor(actor) : { type: "system", id: "fulfilment" },
    data: { runId: run.id, step: run.step, mapVersion: run.mapVersion, ...data },
    visibleToRequester: false,
  });
}

export function requireMapSources(map: DataMap): string[] {
  const ids = map.sources.map((source) => source.id);
  if (ids.length === 0) throw new AppError("conflict", { reason: "fulfilment_off" });
  return ids;
}

/** A request staff can fulfil now: verified (lockRequest), of the step's type, being worked on. */
export function assertFulfillable(request: Request, type: Request["type"]): void {
  if (request.type !== type) throw new AppError("conflict", { reason: "wrong_status", details: { type: request.type } });
  if (request.status !== "in_progress") throw new AppError("conflict", { reason: "wrong_status", details: { status: request.status } });
}
