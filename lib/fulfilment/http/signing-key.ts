import { eq } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { fulfilmentSources } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors/app-error";
import { open } from "../secrets/sealed-box";
import { storeSourceSecret } from "../sources/save-source-url";

/** A shared secret long enough that guessing it is hopeless; the operator's endpoint keeps the same one. */
export const MIN_SIGNING_KEY_LENGTH = 32;

const aad = (sourceId: string) => `signing-key:${sourceId}`;

/** Stores (or replaces) an HTTP source's signing key, sealed like a connection URL; the audit never sees it. */
export async function saveSigningKey(db: Db, input: { sourceId: string; signingKey: string }, actor: Actor, key: Buffer): Promise<void> {
  const signingKey = input.signingKey.trim();
  if (signingKey.length < MIN_SIGNING_KEY_LENGTH || signingKey.length > 500) throw new AppError("invalid", { fieldErrors: { signingKey: "tooShort" } });
  await storeSourceSecret(db, { sourceId: input.sourceId, secret: signingKey, aad: aad(input.sourceId), where: "HTTP signing key" }, actor, key);
}

export class SigningKeyMissingError extends Error {
  constructor(readonly sourceId: string) {
    super(`source \`${sourceId}\` has no signing key yet (an admin sets it on the data map page)`);
    this.name = "SigningKeyMissingError";
  }
}

/** The signing key of an HTTP source, opened. */
export async function openSigningKey(db: Executor, sourceId: string, key: Buffer): Promise<string> {
  const [row] = await db.select().from(fulfilmentSources).where(eq(fulfilmentSources.id, sourceId));
  if (!row) throw new SigningKeyMissingError(sourceId);
  return open(key, row.urlSealed, aad(sourceId)).toString("utf8");
}
