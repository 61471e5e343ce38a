import { bigint, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea } from "./columns";
import { requestMessages, requests } from "./requests";

export const FILE_PURPOSES = ["attachment", "proof_of_authority", "supporting_document", "data_package"] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

/** Metadata of an uploaded or delivered file; the bytes live behind lib/files/storage.ts. */
export const files = pgTable(
  "files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    messageId: uuid("message_id").references(() => requestMessages.id, { onDelete: "set null" }),
    purpose: text("purpose", { enum: FILE_PURPOSES }).notNull(),
    filename: text("filename").notNull(),
    /** Detected from the content, never taken from the browser. */
    contentType: text("content_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    sha256: text("sha256").notNull(),
    storage: text("storage").notNull(),
    storageKey: text("storage_key").notNull(),
    uploadedBy: text("uploaded_by").notNull(),
    /**
     * Where the file stood among the files of its submission or message (0, 1, …), as the sender
     * attached them: one submission's rows share created_at (the transaction's time), so this keeps
     * their order, not the file names.
     */
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Delivered files (data packages) can be downloaded until then. */
    availableUntil: timestamp("available_until", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (table) => [index("files_request_idx").on(table.requestId)],
);

export type StoredFile = typeof files.$inferSelect;

/** File bytes for the default "database" storage. */
export const fileContents = pgTable("file_contents", {
  storageKey: text("storage_key").primaryKey(),
  content: bytea("content").notNull(),
});
