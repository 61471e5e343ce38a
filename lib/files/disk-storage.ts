import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { FileStorage } from "./storage";
import { assertStorageKey } from "./storage-key";

function isMissing(error: unknown): boolean {
  return (error as { code?: string }).code === "ENOENT";
}

/**
 * Bytes as files under `root/<first 2 characters of the key>/<key>` (the prefix keeps folders
 * small). The root is passed in, not read from the environment, so tests can use a temp folder.
 * Disk cannot join a database transaction: the write paths stage bytes here before theirs opens
 * and remove them when it fails (lib/files/staged-files.ts).
 */
export function createDiskFileStorage(root: string): FileStorage {
  const absoluteRoot = path.resolve(root);
  const locate = (key: string) => {
    assertStorageKey(key);
    const dir = path.join(absoluteRoot, key.slice(0, 2));
    return { dir, file: path.join(dir, key) };
  };

  return {
    kind: "disk",
    transactional: false,
    async put(key, bytes) {
      const { dir, file } = locate(key);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // Write under a temporary name and rename: a reader never sees half a file, and a crash
      // leaves only a *.tmp that no key names.
      const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
      try {
        const handle = await open(temporary, "wx", 0o600);
        try {
          await handle.writeFile(bytes);
          // On disk before the transaction that records the file commits.
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async get(key) {
      try {
        return await readFile(locate(key).file);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(locate(key).file, { force: true });
    },
  };
}
