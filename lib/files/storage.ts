import path from "node:path";
import type { Executor } from "@/db/client";
import { getEnv } from "@/lib/env";
import { createDatabaseFileStorage } from "./database-storage";
import { createDiskFileStorage } from "./disk-storage";

export { newStorageKey } from "./storage-key";

export const FILE_STORAGE_KINDS = ["database", "disk"] as const;
export type FileStorageKind = (typeof FILE_STORAGE_KINDS)[number];

/**
 * Where file bytes live. Metadata is always a `files` row; `files.storage` names the backend that
 * holds its bytes, so changing FILE_STORAGE later does not strand older files.
 */
export interface FileStorage {
  readonly kind: FileStorageKind;
  /** True when put/delete join the caller's transaction, so a rollback undoes them. */
  readonly transactional: boolean;
  put(key: string, bytes: Uint8Array, tx?: Executor): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string, db?: Executor): Promise<Uint8Array | null>;
  /** Removes the bytes; deleting a missing key is not an error. */
  delete(key: string, tx?: Executor): Promise<void>;
}

const storages = new Map<FileStorageKind, FileStorage>();

/** Where the disk storage keeps its files: DATA_DIR/files, outside the web root. */
export function diskStorageRoot(): string {
  return path.resolve(getEnv().DATA_DIR, "files");
}

/** The backend for a kind; the disk one lives in diskStorageRoot(). */
export function fileStorageFor(kind: FileStorageKind): FileStorage {
  let storage = storages.get(kind);
  if (!storage) {
    storage = kind === "disk" ? createDiskFileStorage(diskStorageRoot()) : createDatabaseFileStorage();
    storages.set(kind, storage);
  }
  return storage;
}

/** The backend new files go to, chosen by FILE_STORAGE. */
export function getFileStorage(): FileStorage {
  return fileStorageFor(getEnv().FILE_STORAGE);
}

export function isFileStorageKind(value: string): value is FileStorageKind {
  return (FILE_STORAGE_KINDS as readonly string[]).includes(value);
}
