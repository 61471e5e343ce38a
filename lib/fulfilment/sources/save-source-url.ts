import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fulfilmentSources } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors/app-error";
import { requireFulfilmentKey } from "../secrets/fulfilment-key";
import { seal } from "../secrets/sealed-box";
import { describeSourceUrl, isSourceUrl } from "./source-url";

/** Stores (or replaces) a source's connection URL, sealed; the audit names the host, never the password. */
export async function saveSourceUrl(db: Db, input: { sourceId: string; url: string }, actor: Actor, key = requireFulfilmentKey()): Promise<void> {
  if (!/^[a-z][a-z0-9_-]{0,39}$/.test(input.sourceId)) throw new AppError("invalid", { fieldErrors: { sourceId: "invalid" } });
  if (!isSourceUrl(input.url)) throw new AppError("invalid", { fieldErrors: { url: "invalid" } });
  const urlSealed = seal(key, Buffer.from(input.url, "utf8"), `source:${input.sourceId}`);
  const updatedBy = `${actor.type}:${actor.id ?? ""}`;
  await db.transaction(async (tx) => {
    await tx
      .insert(fulfilmentSources)
      .values({ id: input.sourceId, urlSealed, updatedBy })
      .onConflictDoUpdate({ target: fulfilmentSources.id, set: { urlSealed, updatedBy, updatedAt: sql`now()` } });
    await recordAuditEvent(tx, { actorType: actor.type, actorId: actor.id, action: "fulfilment.source_saved", entityType: "fulfilment_source", entityId: input.sourceId, data: { where: describeSourceUrl(input.url) } });
  });
}
