import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { files } from "@/db/schema";
import { isUuid } from "@/lib/text/uuid";

/**
 * Longer than any transaction runs: bytes on disk this old that no files row names were staged by a
 * process that died before its COMMIT (transactionWithStagedFiles removes them itself otherwise).
 */
export const STAGED_FILE_GRACE_MS = 60 * 60_000;
const KEYS_PER_QUERY = 500;

/** Every file under the disk storage's root with its age, or none when the folder does not exist. */
async function storedFiles(root: string): Promise<{ file: string; name: string; modifiedAt: number }[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch((error: { code?: string }) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const found = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { mtimeMs } = await stat(file).catch(() => ({ mtimeMs: Number.POSITIVE_INFINITY }));
    found.push({ file, name: entry.name, modifiedAt: mtimeMs });
  }
  return found;
}

/**
 * Removes what a crash left in the disk storage (`root`, DATA_DIR/files): staged bytes older than
 * the grace period that no files row names, and temporary files of a write that never finished.
 * Returns how many files it removed.
 */
export async function sweepStagedFiles(db: Executor, root: string, now: Date, grace = STAGED_FILE_GRACE_MS): Promise<number> {
  const old = (await storedFiles(root)).filter((found) => found.modifiedAt < now.getTime() - grace);
  const unfinished = old.filter((found) => found.name.endsWith(".tmp"));
  const staged = old.filter((found) => isUuid(found.name));
  const orphans = [...unfinished];
  for (let i = 0; i < staged.length; i += KEYS_PER_QUERY) {
    const batch = staged.slice(i, i + KEYS_PER_QUERY);
    const named = await db
      .select({ storageKey: files.storageKey })
      .from(files)
      .where(and(eq(files.storage, "disk"), inArray(files.storageKey, batch.map((found) => found.name))));
    const kept = new Set(named.map((row) => row.storageKey));
    orphans.push(...batch.filter((found) => !kept.has(found.name)));
  }
  await Promise.all(orphans.map((found) => rm(found.file, { force: true })));
  return orphans.length;
}
