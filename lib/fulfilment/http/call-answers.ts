import { z } from "zod";
import type { HttpCallPurpose } from "@/db/schema";

/**
 * What an endpoint answers, per purpose (README "HTTP endpoints"). Anything else is refused as
 * not understood: the answer is the operator's system telling us what it did.
 */
const row = z.record(z.string(), z.unknown());
const count = z.number().int().min(0);

export const ACCESS_ANSWER = z.object({ collections: z.array(z.object({ table: z.string().min(1).max(63), rows: z.array(row) })) });
export const ERASURE_ANSWER = z.object({ counts: z.record(z.string().min(1).max(63), count) });
/** What the operator's system did, as short names it chooses (sessions_revoked, password_reset …). */
export const SECURE_ACCOUNT_ANSWER = z.object({ actions: z.array(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/)).max(20).default([]) });

export type AccessAnswer = z.infer<typeof ACCESS_ANSWER>;
export type ErasureAnswer = z.infer<typeof ERASURE_ANSWER>;
export type SecureAccountAnswer = z.infer<typeof SECURE_ACCOUNT_ANSWER>;

export type ParsedAnswer =
  | { purpose: "access"; answer: AccessAnswer }
  | { purpose: "erasure"; answer: ErasureAnswer }
  | { purpose: "secure_account"; answer: SecureAccountAnswer };

/** The answer read by its purpose's schema; null when it is not what the purpose expects. */
export function parseAnswer(purpose: HttpCallPurpose, body: unknown): ParsedAnswer | null {
  if (purpose === "access") {
    const parsed = ACCESS_ANSWER.safeParse(body);
    return parsed.success ? { purpose, answer: parsed.data } : null;
  }
  if (purpose === "erasure") {
    const parsed = ERASURE_ANSWER.safeParse(body);
    return parsed.success ? { purpose, answer: parsed.data } : null;
  }
  const parsed = SECURE_ACCOUNT_ANSWER.safeParse(body ?? {});
  return parsed.success ? { purpose, answer: parsed.data } : null;
}
