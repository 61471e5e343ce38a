import { and, asc, desc, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { auditCheckpoint, auditLog, auditSeal, type AuditCheckpointRow } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { getAuditSigningKey, type AuditSigningKey } from "./audit-signing-key";
import { afterHead, chainHead } from "./chain-head";
import { signCheckpoint } from "./checkpoint-signature";
import { hashAuditRow } from "./hash";
import { rowsOf } from "./record-audit-event";

// Held only by the sealer, for one short transaction: writers never touch it.
const SEALER_LOCK_KEY = 7_240_115;

export type SealOptions = {
  batchSize?: number;
  /** Batches per call at most, so one call stays short; the next call goes on. */
  maxBatches?: number;
  /** "due" signs when AUDIT_CHECKPOINT_ROWS or _MINUTES say so; "head" signs the head if unsigned (exports); "never". */
  checkpoint?: "due" | "head" | "never";
  now?: Date;
  key?: AuditSigningKey;
  /**
   * Wait for a sealer already at work instead of returning busy: for callers that need the chain
   * sealed now (verify, export). The job loop does not wait.
   */
  wait?: boolean;
};

export type SealResult = { sealed: number; busy: boolean; headSeq: number; checkpoint: AuditCheckpointRow | null };

async function takeSealerLock(tx: Tx, wait: boolean): Promise<boolean> {
  if (wait) {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEALER_LOCK_KEY})`);
    return true;
  }
  const [row] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${SEALER_LOCK_KEY}) as locked`));
  return row?.locked === true;
}

/**
 * The sealing watermark: every transaction with a smaller id has ended, so its audit rows (if it
 * committed) are visible to the next statement, and no transaction can still write a row with a
 * smaller xact_id (one that has not written yet gets a larger id). It is the snapshot's xmax,
 * lowered to the oldest transaction still running in this database (or prepared for it): a long
 * transaction in another database of the same cluster cannot write here, so it does not hold
 * sealing back. The snapshot is taken when the statement starts and the activity list is read
 * after, so a transaction missing from the list had ended by then. PGlite: one connection, so
 * this is simply the next transaction id.
 */
async function sealingWatermark(tx: Tx): Promise<number> {
  const [row] = rowsOf<{ watermark: string }>(
    await tx.execute(sql`
      select least(
        pg_snapshot_xmax(s.snap)::text::bigint,
        (select min(x::text::bigint) from pg_snapshot_xip(s.snap) as x
          where x::text::bigint % 4294967296 in (
            select backend_xid::text::bigint from pg_stat_activity
              where datid = (select oid from pg_database where datname = current_database()) and backend_xid is not null
            union all
            select transaction::text::bigint from pg_prepared_xacts where database = current_database()))
      )::text as watermark
      from (select pg_current_snapshot() as snap) s`),
  );
  return Number(row!.watermark);
}

/**
 * Seals one batch: the rows after the chain head, in (xact_id, id) order, whose transaction is
 * below the watermark. No row can ever appear before the ones sealed here, so the chain never
 * needs a gap filled in.
 */
async function sealBatch(tx: Tx, batchSize: number, wait: boolean): Promise<{ sealed: number; headSeq: number } | "busy"> {
  if (!(await takeSealerLock(tx, wait))) return "busy";
  const watermark = await sealingWatermark(tx);
  // A new statement, so a new snapshot (READ COMMITTED): it sees every transaction below the watermark.
  const head = await chainHead(tx);
  const rows = await tx
    .select()
    .from(auditLog)
    .where(and(afterHead(head), lt(auditLog.xactId, watermark)))
    .orderBy(asc(auditLog.xactId), asc(auditLog.id))
    .limit(batchSize);
  if (rows.length === 0) return { sealed: 0, headSeq: head.seq };
  let { seq, hash } = head;
  const seals = rows.map((row) => {
    const prevHash = hash;
    hash = hashAuditRow({ ...row, prevHash });
    seq += 1;
    return { seq, auditId: row.id, prevHash, hash };
  });
  await tx.insert(auditSeal).values(seals);
  return { sealed: seals.length, headSeq: seq };
}

/** Signs the chain head when a checkpoint is due (or asked for), unless it is already signed. */
async function checkpointBatch(tx: Tx, mode: "due" | "head", now: Date, key: AuditSigningKey | undefined, wait: boolean): Promise<AuditCheckpointRow | null | "busy"> {
  if (!(await takeSealerLock(tx, wait))) return "busy";
  const head = await chainHead(tx);
  const [last] = await tx.select().from(auditCheckpoint).orderBy(desc(auditCheckpoint.seq)).limit(1);
  if (head.seq === 0 || (last && last.seq >= head.seq)) return last ?? null;
  if (mode === "due" && last) {
    const env = getEnv();
    const dueByRows = head.seq - last.seq >= env.AUDIT_CHECKPOINT_ROWS;
    const dueByTime = now.getTime() - last.signedAt.getTime() >= env.AUDIT_CHECKPOINT_MINUTES * 60_000;
    if (!dueByRows && !dueByTime) return last;
  }
  const fields = { seq: head.seq, auditId: head.auditId, chainHash: head.hash, signedAt: new Date(Math.floor(now.getTime())) };
  const [written] = await tx
    .insert(auditCheckpoint)
    .values({ ...fields, ...signCheckpoint(fields, key ?? getAuditSigningKey()) })
    .returning();
  return written!;
}

/**
 * Links committed audit rows into the hash chain, a batch per short transaction, then signs a
 * checkpoint when one is due. Run by the job loop every tick, and directly before verifying or
 * exporting. One sealer at a time: another caller finds the lock taken and returns busy.
 */
export async function sealAuditLog(db: Db, options: SealOptions = {}): Promise<SealResult> {
  const { batchSize = 1_000, maxBatches = 100, checkpoint = "due", now = new Date(), key, wait = false } = options;
  let sealed = 0;
  let headSeq = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const result = await db.transaction((tx) => sealBatch(tx, batchSize, wait));
    if (result === "busy") return { sealed, busy: true, headSeq, checkpoint: null };
    sealed += result.sealed;
    headSeq = result.headSeq;
    if (result.sealed < batchSize) break;
  }
  if (checkpoint === "never") return { sealed, busy: false, headSeq, checkpoint: null };
  const signed = await db.transaction((tx) => checkpointBatch(tx, checkpoint, now, key, wait));
  if (signed === "busy") return { sealed, busy: true, headSeq, checkpoint: null };
  return { sealed, busy: false, headSeq, checkpoint: signed };
}
