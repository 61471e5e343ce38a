import { hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";

// argon2id (the library's default algorithm) with its default cost: ~30 ms per hash here.
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A password to print once (demo admin, `staff:create` without --password): 20 URL-safe characters. */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}

// Checked on sign-in so a wrong e-mail takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(generatePassword());
  return dummyHash;
}
