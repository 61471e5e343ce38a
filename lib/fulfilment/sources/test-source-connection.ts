import type { Db } from "@/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan } from "@/lib/auth/assert-can";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { AppError } from "@/lib/errors/app-error";
import { checkLiveSchema } from "../map/check-live-schema";
import type { DataMap } from "../map/map-schema";
import { lineOfPath } from "../map/parse-data-map";
import { safeErrorText } from "../runs/run-support";
import { openSource, type SourceOpener } from "./open-source";

export type ConnectionTest = { ok: true; problems: string[] } | { ok: false; error: string };

/**
 * "Test the connection": connects with the stored URL, in a read-only transaction, and checks
 * every table and column the map names for the source ("column `users.phone_number` does not exist").
 */
export async function testSourceConnection(
  db: Db,
  input: { sourceId: string },
  map: DataMap,
  actor: CurrentStaff,
  opener: SourceOpener = (id) => openSource(db, id),
  /** The map's text, so a problem with one field names its line. */
  mapText?: string,
): Promise<ConnectionTest> {
  assertCan(actor, "fulfilment.sources.manage");
  const source = map.sources.find((candidate) => candidate.id === input.sourceId);
  if (!source) throw new AppError("not_found");
  const index = map.sources.indexOf(source);
  const where = (path: (string | number)[]) => (mapText ? lineOfPath(mapText, ["sources", index, ...path]) : "");
  let result: ConnectionTest;
  try {
    const client = await opener(source.id);
    try {
      result = { ok: true, problems: await client.read((query) => checkLiveSchema(query, source, where)) };
    } finally {
      await client.close();
    }
  } catch (error) {
    result = { ok: false, error: safeErrorText(error) };
  }
  await db.transaction((tx) =>
    recordAuditEvent(tx, {
      actorType: "staff",
      actorId: actor.id,
      action: "fulfilment.connection_tested",
      entityType: "fulfilment_source",
      entityId: source.id,
      data: result.ok ? { connected: true, problems: result.problems.length } : { connected: false },
    }),
  );
  return result;
}
