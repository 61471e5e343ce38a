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
  if (!isSourceUrl(input.url)) throw new AppError("invalid", { fieldErrors: { url: "invalid" } });
  await storeSourceSecret(db, { sourceId: input.sourceId, secret: input.url, aad: `source:${input.sourceId}`, where: describeSourceUrl(input.url) }, actor, key);
}

/**
 * A source's one secret, sealed under the fulfilment key with `aad` saying what it is (a
 * connection URL, an HTTP endpoint's signing key); `where` is what the audit may say about it.
 */
export async function storeSourceSecret(db: Db, input: { sourceId: string; secret: string; aad: string; where: string }, actor: Actor, key: Buffer): Promise<void> {
  if (!/^[a-z][a-z0-9_-]{0,39}$/.test(input.sourceId)) throw new AppError("invalid", { fieldErrors: { sourceId: "invalid" } });
  const urlSealed = seal(key, Buffer.from(input.secret, "utf8"), input.aad);
  const updatedBy = `${actor.type}:${actor.id ?? ""}`;
  await db.transaction(async (tx) => {
    await tx
      .insert(fulfilmentSources)
      .values({ id: input.sourceId, urlSealed, updatedBy })
      .onConflictDoUpdate({ target: fulfilmentSources.id, set: { urlSealed, updatedBy, updatedAt: sql`now()` } });
    await recordAuditEvent(tx, { actorType: actor.type, actorId: actor.id, action: "fulfilment.source_saved", entityType: "fulfilment_source", entityId: input.sourceId, data: { where: input.where } });
  });
}
