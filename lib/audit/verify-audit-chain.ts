import { and, asc, count, eq, gt, isNull, not } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditCheckpoint, auditLog, auditSeal } from "@/db/schema";
import { trustedAuditKeys, type AuditTrustedKey } from "./audit-signing-key";
import { afterHead, chainHead } from "./chain-head";
import { checkCheckpointSignature } from "./checkpoint-signature";
import { GENESIS_HASH, hashAuditRow } from "./hash";

export type AuditChainFailure =
  /** A sealed row's content no longer matches its hash (edited). */
  | "content_changed"
  /** A seal does not follow the one before it, or its row is gone (deleted, inserted, moved). */
  | "link_broken"
  /** A row sits inside the sealed part of the chain without a seal (slipped in behind the sealer). */
  | "not_sealed"
  /** A checkpoint's signature does not verify with the key that made it. */
  | "bad_signature"
  /** A checkpoint was signed by a key this installation does not trust. */
  | "unknown_key"
  /** The chain at a checkpoint's position differs from what was signed. */
  | "checkpoint_mismatch"
  /** A signed checkpoint lies beyond the chain's end: rows were cut off. */
  | "truncated";

export type LastCheckpoint = { seq: number; auditId: number; signedAt: string; keyId: string };

export type AuditChainReport =
  | {
      ok: true;
      /** Sealed rows checked. */
      checked: number;
      lastHash: string;
      /** Rows committed after the chain head, not yet sealed: not broken, just waiting. */
      pending: number;
      /** Signed checkpoints checked, and the latest of them. */
      checkpoints: number;
      lastCheckpoint: LastCheckpoint | null;
    }
  | { ok: false; checked: number; brokenAtId: number; reason: AuditChainFailure };

const BATCH = 1000;

/**
 * Walks the sealed chain in seq order, a batch at a time (memory stays flat on any size), and
 * names the first row whose hash does not match its content or whose link does not match the seal
 * before it. Each signed checkpoint is checked where the walk reaches it (signature, trusted key,
 * chain hash), and a checkpoint beyond the chain's end means rows were cut off. Rows after the
 * head are counted as pending; an unsealed row before the head is reported.
 */
export async function verifyAuditChain(db: Executor, { trustedKeys }: { trustedKeys?: readonly AuditTrustedKey[] } = {}): Promise<AuditChainReport> {
  const checkpoints = await db.select().from(auditCheckpoint).orderBy(asc(auditCheckpoint.seq));
  const trusted = checkpoints.length > 0 ? (trustedKeys ?? trustedAuditKeys()) : [];
  let nextCheckpoint = 0;
  let expectedPrev = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select({ seal: auditSeal, row: auditLog })
      .from(auditSeal)
      .leftJoin(auditLog, eq(auditLog.id, auditSeal.auditId))
      .where(gt(auditSeal.seq, lastSeq))
      .orderBy(asc(auditSeal.seq))
      .limit(BATCH);
    for (const { seal, row } of rows) {
      const brokenAtId = seal.auditId;
      if (seal.seq !== lastSeq + 1 || seal.prevHash !== expectedPrev || !row) return { ok: false, checked, brokenAtId, reason: "link_broken" };
      if (hashAuditRow({ ...row, prevHash: seal.prevHash }) !== seal.hash) return { ok: false, checked, brokenAtId, reason: "content_changed" };
      expectedPrev = seal.hash;
      lastSeq = seal.seq;
      checked += 1;
      for (; nextCheckpoint < checkpoints.length && checkpoints[nextCheckpoint]!.seq === seal.seq; nextCheckpoint++) {
        const checkpoint = checkpoints[nextCheckpoint]!;
        const signature = checkCheckpointSignature(checkpoint, trusted);
        if (signature !== "valid") return { ok: false, checked, brokenAtId: checkpoint.auditId, reason: signature };
        if (checkpoint.chainHash !== seal.hash || checkpoint.auditId !== seal.auditId) return { ok: false, checked, brokenAtId: checkpoint.auditId, reason: "checkpoint_mismatch" };
      }
    }
    if (rows.length < BATCH) break;
  }
  // A checkpoint whose seq the walk never reached: the rows it signed are gone.
  const beyond = checkpoints[nextCheckpoint];
  if (beyond) {
    const signature = checkCheckpointSignature(beyond, trusted);
    return { ok: false, checked, brokenAtId: beyond.auditId, reason: signature === "valid" ? "truncated" : signature };
  }
  const head = await chainHead(db);
  const [behind] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .leftJoin(auditSeal, eq(auditSeal.auditId, auditLog.id))
    .where(and(isNull(auditSeal.seq), not(afterHead(head))))
    .orderBy(asc(auditLog.id))
    .limit(1);
  if (behind) return { ok: false, checked, brokenAtId: behind.id, reason: "not_sealed" };
  const [pending] = await db.select({ total: count() }).from(auditLog).where(afterHead(head));
  const last = checkpoints.at(-1);
  return {
    ok: true,
    checked,
    lastHash: expectedPrev,
    pending: Number(pending?.total ?? 0),
    checkpoints: checkpoints.length,
    lastCheckpoint: last ? { seq: last.seq, auditId: last.auditId, signedAt: last.signedAt.toISOString(), keyId: last.keyId } : null,
  };
}
