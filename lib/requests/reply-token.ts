import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Executor, Tx } from "@/db/client";
import { requests, type Request } from "@/db/schema";

// Lower-case letters and digits only: some mail systems lower-case the local part.
const TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const TOKEN_LENGTH = 24; // 120 bits

/** A new unguessable reply token (base32, lower case). */
export function generateReplyToken(): string {
  const bytes = randomBytes(TOKEN_LENGTH);
  return Array.from(bytes, (byte) => TOKEN_ALPHABET[byte & 31]).join("");
}

function splitAddress(address: string): { local: string; domain: string } {
  const at = address.lastIndexOf("@");
  return { local: address.slice(0, at), domain: address.slice(at + 1) };
}

/** support+<token>@domain: answers to it come back to the support mailbox and name their request. */
export function replyAddress(supportEmail: string, token: string): string {
  const { local, domain } = splitAddress(supportEmail);
  return `${local}+${token}@${domain}`;
}

/** The reply token in any of the addresses (support+<token>@domain, any case), or null. */
export function findReplyToken(addresses: readonly string[], supportEmail: string): string | null {
  const { local, domain } = splitAddress(supportEmail.toLowerCase());
  for (const address of addresses) {
    const { local: candidateLocal, domain: candidateDomain } = splitAddress(address.trim().toLowerCase());
    if (candidateDomain !== domain || !candidateLocal.startsWith(`${local}+`)) continue;
    const token = candidateLocal.slice(local.length + 1);
    if (new RegExp(`^[a-z2-7]{${TOKEN_LENGTH}}$`).test(token)) return token;
  }
  return null;
}

/** The request's reply token, made on first use (requests from before reply tokens have none). */
export async function ensureReplyToken(tx: Tx, requestId: string): Promise<string> {
  // coalesce: an in-memory request row may be stale; a token once given never changes.
  const [row] = await tx
    .update(requests)
    .set({ replyToken: sql`coalesce(${requests.replyToken}, ${generateReplyToken()})` })
    .where(eq(requests.id, requestId))
    .returning({ replyToken: requests.replyToken });
  if (!row?.replyToken) throw new Error(`request ${requestId} not found`);
  return row.replyToken;
}

/** The Reply-To for e-mail to a request's requester. */
export async function requestReplyAddress(tx: Tx, requestId: string, supportEmail: string): Promise<string> {
  return replyAddress(supportEmail, await ensureReplyToken(tx, requestId));
}

export async function findRequestByReplyToken(db: Executor, token: string): Promise<Request | null> {
  const [request] = await db.select().from(requests).where(eq(requests.replyToken, token));
  return request ?? null;
}
