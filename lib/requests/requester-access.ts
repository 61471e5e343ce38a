import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { requestAccessTokens, requests, type Request } from "@/db/schema";
import { hashToken, looksLikeToken } from "@/lib/security/tokens";

export type RequesterAccess = { ok: true; request: Request } | { ok: false; error: "not_found" | "expired" };

/** The token's request and expiry (an unrevoked token's row), unexecuted. */
export function statusTokenRow(db: Executor, tokenHash: string) {
  return db
    .select({ request: requests, expiresAt: requestAccessTokens.expiresAt })
    .from(requestAccessTokens)
    .innerJoin(requests, eq(requests.id, requestAccessTokens.requestId))
    .where(and(eq(requestAccessTokens.tokenHash, tokenHash), isNull(requestAccessTokens.revokedAt)))
    .limit(1);
}

/** What a token's row (or its absence) grants at `now`. */
export function accessFromRow(row: { request: Request; expiresAt: Date } | undefined, now: Date): RequesterAccess {
  if (!row || row.request.status === "unverified") return { ok: false, error: "not_found" };
  if (row.expiresAt <= now) return { ok: false, error: "expired" };
  return { ok: true, request: row.request };
}

/**
 * Resolves a private status-page token. A malformed token, an unknown one, a revoked one and one
 * whose request is gone all answer "not_found" alike; only a genuine but old link says "expired".
 */
export async function resolveStatusToken(db: Executor, token: string, now = new Date()): Promise<RequesterAccess> {
  if (!looksLikeToken(token)) return { ok: false, error: "not_found" };
  const [row] = await statusTokenRow(db, hashToken(token));
  return accessFromRow(row, now);
}
