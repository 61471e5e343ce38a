import { desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog, auditSeal } from "@/db/schema";
import { GENESIS_HASH } from "./hash";

/** The last sealed row: where the chain ends and where the sealer goes on from. */
export type ChainHead = { seq: number; hash: string; auditId: number; xactId: number };

/** Before the first seal; (-1, -1) sorts before every row, including pre-seal rows (xact_id 0). */
export const EMPTY_CHAIN: ChainHead = { seq: 0, hash: GENESIS_HASH, auditId: -1, xactId: -1 };

export async function chainHead(db: Executor): Promise<ChainHead> {
  const [head] = await db
    .select({ seq: auditSeal.seq, hash: auditSeal.hash, auditId: auditSeal.auditId, xactId: auditLog.xactId })
    .from(auditSeal)
    .innerJoin(auditLog, eq(auditLog.id, auditSeal.auditId))
    .orderBy(desc(auditSeal.seq))
    .limit(1);
  return head ?? EMPTY_CHAIN;
}

/** Rows after the head in chain order: (xact_id, id) compared as a pair, served by audit_log_chain_order_idx. */
export const afterHead = (head: ChainHead) => sql`(${auditLog.xactId}, ${auditLog.id}) > (${head.xactId}, ${head.auditId})`;
