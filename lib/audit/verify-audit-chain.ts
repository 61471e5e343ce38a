import { asc, gt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import { GENESIS_HASH, hashAuditRow } from "./hash";

export type AuditChainReport =
  | { ok: true; checked: number; lastHash: string }
  | { ok: false; checked: number; brokenAtId: number; reason: "content_changed" | "link_broken" };

const BATCH = 1000;

/**
 * Walks the chain in id order, a batch at a time (memory stays flat on any size), and names the
 * first row whose hash does not match its content (edited) or whose link does not match the row
 * before it (a row deleted, inserted or moved).
 */
export async function verifyAuditChain(db: Executor): Promise<AuditChainReport> {
  let expectedPrev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(BATCH);
    for (const row of rows) {
      if (row.prevHash !== expectedPrev) return { ok: false, checked, brokenAtId: row.id, reason: "link_broken" };
      if (hashAuditRow(row) !== row.hash) return { ok: false, checked, brokenAtId: row.id, reason: "content_changed" };
      expectedPrev = row.hash;
      lastId = row.id;
      checked += 1;
    }
    if (rows.length < BATCH) return { ok: true, checked, lastHash: expectedPrev };
  }
}
