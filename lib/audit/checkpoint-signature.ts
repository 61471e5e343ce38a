import { sign, verify } from "node:crypto";
import type { AuditSigningKey, AuditTrustedKey } from "./audit-signing-key";

export type CheckpointFields = { seq: number; auditId: number; chainHash: string; signedAt: Date };

/**
 * The exact bytes a checkpoint's signature covers: a fixed label, then one field per line. Anyone
 * holding the public key can check an exported checkpoint against these fields.
 */
export function checkpointMessage(checkpoint: CheckpointFields): Buffer {
  return Buffer.from(
    ["privacy-desk audit checkpoint v1", `seq=${checkpoint.seq}`, `audit_id=${checkpoint.auditId}`, `chain_hash=${checkpoint.chainHash}`, `signed_at=${checkpoint.signedAt.toISOString()}`].join("\n"),
    "utf8",
  );
}

/** Ed25519 signature, base64. */
export function signCheckpoint(checkpoint: CheckpointFields, key: AuditSigningKey): { keyId: string; signature: string } {
  return { keyId: key.keyId, signature: sign(null, checkpointMessage(checkpoint), key.privateKey).toString("base64") };
}

export type CheckpointSignatureCheck = "valid" | "unknown_key" | "bad_signature";

export function checkCheckpointSignature(checkpoint: CheckpointFields & { keyId: string; signature: string }, trusted: readonly AuditTrustedKey[]): CheckpointSignatureCheck {
  const key = trusted.find((candidate) => candidate.keyId === checkpoint.keyId);
  if (!key) return "unknown_key";
  let ok = false;
  try {
    ok = verify(null, checkpointMessage(checkpoint), key.publicKey, Buffer.from(checkpoint.signature, "base64"));
  } catch {
    ok = false;
  }
  return ok ? "valid" : "bad_signature";
}
