import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inboundEmails } from "@/db/schema";
import { isUuid } from "@/lib/text/uuid";


/** The message exactly as it was received (for download as .eml), or null when there is no such e-mail. */
export async function readInboundRaw(db: Db, id: string): Promise<Buffer | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select({ raw: inboundEmails.raw }).from(inboundEmails).where(eq(inboundEmails.id, id));
  return row?.raw ?? null;
}
