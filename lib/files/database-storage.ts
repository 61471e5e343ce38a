import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import type { Executor } from "@/db/client";
import { fileContents } from "@/db/schema";
import type { FileStorage } from "./storage";
import { assertStorageKey } from "./storage-key";

/**
 * Bytes in `file_contents`, written with the caller's transaction handle, so a request that fails
 * leaves no orphaned bytes. Without a handle it uses the app's database.
 */
export function createDatabaseFileStorage(defaultDb: () => Executor = getDb): FileStorage {
  return {
    kind: "database",
    transactional: true,
    async put(key, bytes, tx = defaultDb()) {
      assertStorageKey(key);
      await tx.insert(fileContents).values({ storageKey: key, content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    },
    async get(key, db = defaultDb()) {
      assertStorageKey(key);
      const [row] = await db.select({ content: fileContents.content }).from(fileContents).where(eq(fileContents.storageKey, key));
      return row ? row.content : null;
    },
    async delete(key, tx = defaultDb()) {
      assertStorageKey(key);
      await tx.delete(fileContents).where(eq(fileContents.storageKey, key));
    },
  };
}
