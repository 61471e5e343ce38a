import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { HASH_PREFIX } from "../erase/erasure-plan";

// Format: version byte 1, 12-byte nonce, ciphertext, 16-byte tag.
const VERSION = 1;

/** AES-256-GCM: `aad` binds the box to what it belongs to (a source id, a run id), so boxes cannot be swapped. */
export function seal(key: Buffer, plain: Uint8Array, aad: string): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), nonce, body, cipher.getAuthTag()]);
}

export function open(key: Buffer, box: Uint8Array, aad: string): Buffer {
  const bytes = Buffer.from(box);
  if (bytes[0] !== VERSION || bytes.length < 29) throw new Error("not a sealed box of a known version");
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(1, 13));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(13, bytes.length - 16)), decipher.final()]);
}

/** A key of its own for hashing, derived from the encryption key (one setting to keep, two uses kept apart). */
function hashKey(key: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), "privacy-desk fulfilment keyed hash", 32));
}

/** The keyed hash erasure writes: the same value gives the same hash (joins still work), nobody without the key can test guesses. */
export function keyedHash(key: Buffer, value: string): string {
  return HASH_PREFIX + createHmac("sha256", hashKey(key)).update(value, "utf8").digest("hex");
}
