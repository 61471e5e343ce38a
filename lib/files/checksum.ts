import { createHash } from "node:crypto";

/** A file's checksum as stored in `files.sha256`: taken when it is staged, checked when it is read. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
