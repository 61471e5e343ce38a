import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

export type AuditSigningKey = { privateKey: KeyObject; publicKey: KeyObject; keyId: string };
export type AuditTrustedKey = { publicKey: KeyObject; keyId: string };

/** A short name for a public key: the first 16 hex digits of SHA-256 over its SPKI DER. */
export function auditKeyId(publicKey: KeyObject): string {
  return createHash("sha256").update(publicKey.export({ type: "spki", format: "der" })).digest("hex").slice(0, 16);
}

/** An Ed25519 private key from PEM (PKCS#8) or base64 of its PKCS#8 DER; `\n` escapes allowed. */
export function parseAuditSigningKey(text: string, source = "AUDIT_SIGNING_KEY"): AuditSigningKey {
  const trimmed = text.trim().replace(/\\n/g, "\n");
  let privateKey: KeyObject;
  try {
    privateKey = trimmed.startsWith("-----BEGIN")
      ? createPrivateKey({ key: trimmed, format: "pem" })
      : createPrivateKey({ key: Buffer.from(trimmed, "base64"), format: "der", type: "pkcs8" });
  } catch {
    throw new Error(`${source}: expected an Ed25519 private key, PEM or base64 PKCS#8 (openssl genpkey -algorithm ed25519)`);
  }
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error(`${source}: expected an Ed25519 key, got ${privateKey.asymmetricKeyType ?? "an unknown type"}`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: auditKeyId(publicKey) };
}

export function newAuditSigningKey(): AuditSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return { privateKey, publicKey, keyId: auditKeyId(publicKey) };
}

let cached: AuditSigningKey | undefined;

/**
 * The key that signs audit checkpoints: AUDIT_SIGNING_KEY when set, otherwise one generated on
 * first use and kept in DATA_DIR/audit-signing-key.pem (like the session secret). In production
 * the generated key works but is logged as a warning: whoever can write the data folder can then
 * also re-sign a rewritten log, so production should keep the key elsewhere and set it.
 */
export function getAuditSigningKey(): AuditSigningKey {
  if (cached) return cached;
  const env = getEnv();
  if (env.AUDIT_SIGNING_KEY) return (cached = parseAuditSigningKey(env.AUDIT_SIGNING_KEY));
  const file = path.join(env.DATA_DIR, "audit-signing-key.pem");
  let pem: string;
  try {
    pem = readFileSync(file, "utf8");
  } catch {
    mkdirSync(env.DATA_DIR, { recursive: true });
    const generated = newAuditSigningKey().privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    try {
      writeFileSync(file, generated, { flag: "wx", mode: 0o600 });
      pem = generated;
    } catch {
      // Another process wrote it first: use theirs.
      pem = readFileSync(file, "utf8");
    }
  }
  cached = parseAuditSigningKey(pem, file);
  if (env.NODE_ENV === "production") {
    log.warn(`AUDIT_SIGNING_KEY is not set: audit checkpoints are signed with a key kept in ${file} (key id ${cached.keyId}); set AUDIT_SIGNING_KEY to keep the key away from the data`);
  }
  return cached;
}

/** The public keys whose checkpoints verification accepts: the signing key's own. */
export function trustedAuditKeys(): AuditTrustedKey[] {
  const key = getAuditSigningKey();
  return [{ publicKey: key.publicKey, keyId: key.keyId }];
}
