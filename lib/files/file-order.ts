import { asc } from "drizzle-orm";
import { files } from "@/db/schema";

/**
 * The one order of a request's files, as a help desk shows them: submission after submission, and
 * within one (a message's attachments, a form's documents, a data package) in the order the sender
 * attached them — files.position, since one submission's rows share created_at. The file name only
 * orders rows saved before the position was kept (migration 0022: all 0), the id makes it total.
 */
export const FILE_ORDER = [asc(files.createdAt), asc(files.position), asc(files.filename), asc(files.id)] as const;
