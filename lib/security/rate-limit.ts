import { and, lt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rateLimitCounters } from "@/db/schema";
import { getEnv } from "@/lib/env";

export type RateLimitRule = { key: string; limit: number; windowMinutes: number };
export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterMinutes: number };

function windowStart(now: Date, windowMinutes: number): Date {
  const size = windowMinutes * 60_000;
  return new Date(Math.floor(now.getTime() / size) * size);
}

/**
 * Counts one hit against each rule (fixed windows kept in PostgreSQL, shared by every app
 * instance) and refuses when any of them is over its limit. The hit is counted even when
 * refused, so hammering does not reset the window. One statement for all the rules (one round
 * trip), its rows in key order so two callers never lock the same counters in opposite orders.
 */
export async function hitRateLimits(db: Executor, rules: RateLimitRule[], now = new Date()): Promise<RateLimitResult> {
  if (rules.length === 0) return { allowed: true };
  const counterOf = (key: string, start: Date) => `${start.getTime()} ${key}`;
  const hits = rules.map((rule) => ({ rule, start: windowStart(now, rule.windowMinutes) }));
  // The same counter twice in one upsert is an error ("cannot affect row a second time"): each is counted once.
  const counters = [...new Map(hits.map(({ rule, start }) => [counterOf(rule.key, start), { key: rule.key, windowStart: start, hits: 1 }])).values()];
  counters.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.windowStart.getTime() - b.windowStart.getTime()));
  const values = Object.fromEntries(counters.flatMap((counter, i) => [[`key${i}`, counter.key], [`start${i}`, counter.windowStart]]));
  const counted = await hitStatement(db, counters.length).execute(values);
  const hitsNow = new Map(counted.map((row) => [counterOf(row.key, row.windowStart), row.hits]));
  let retryAfterMs = 0;
  for (const { rule, start } of hits) {
    if ((hitsNow.get(counterOf(rule.key, start)) ?? 0) > rule.limit) {
      retryAfterMs = Math.max(retryAfterMs, start.getTime() + rule.windowMinutes * 60_000 - now.getTime());
    }
  }
  return retryAfterMs > 0 ? { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil(retryAfterMs / 60_000)) } : { allowed: true };
}

/**
 * The upsert of `count` counters, built once per database handle and prepared (see PREPARED_WRITES
 * in db/client.ts): every public form runs it first, and building it each time cost drizzle more
 * CPU than the database's work. A transaction's handle is new each time, so there it is built each time.
 */
function hitStatement(db: Executor, count: number): HitStatement {
  let byCount = hitStatements.get(db);
  if (!byCount) hitStatements.set(db, (byCount = new Map()));
  let statement = byCount.get(count);
  if (!statement) byCount.set(count, (statement = buildHitStatement(db, count)));
  return statement;
}

function buildHitStatement(db: Executor, count: number) {
  return db
    .insert(rateLimitCounters)
    .values(Array.from({ length: count }, (_, i) => ({ key: sql.placeholder(`key${i}`), windowStart: sql.placeholder(`start${i}`), hits: 1 })))
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { hits: sql`${rateLimitCounters.hits} + 1` },
    })
    .returning({ key: rateLimitCounters.key, windowStart: rateLimitCounters.windowStart, hits: rateLimitCounters.hits })
    .prepare(`hit_rate_limits_${count}`);
}

type HitStatement = ReturnType<typeof buildHitStatement>;
const hitStatements = new WeakMap<Executor, Map<number, HitStatement>>();

/**
 * The limits of a public action: one per client address and, when given, one per subject (an
 * e-mail address or a request id), both from the RATE_LIMIT_* settings.
 */
export function publicActionLimits(
  action: string,
  { ip, subject, perIpFactor = 1, perSubjectFactor = 1 }: { ip: string; subject?: string; perIpFactor?: number; perSubjectFactor?: number },
): RateLimitRule[] {
  const env = getEnv();
  const window = env.RATE_LIMIT_WINDOW_MINUTES;
  const rules = [{ key: `${action}:ip:${ip}`, limit: env.RATE_LIMIT_PER_IP * perIpFactor, windowMinutes: window }];
  if (subject) rules.push({ key: `${action}:subject:${subject.toLowerCase()}`, limit: env.RATE_LIMIT_PER_EMAIL * perSubjectFactor, windowMinutes: window });
  return rules;
}

/** Drops counters of windows that ended (the worker calls it now and then). */
export async function pruneRateLimits(db: Executor, olderThan: Date): Promise<void> {
  await db.delete(rateLimitCounters).where(and(lt(rateLimitCounters.windowStart, olderThan)));
}
