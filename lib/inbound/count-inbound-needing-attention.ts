import { count, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inboundEmails } from "@/db/schema";
import { NEEDS_ATTENTION } from "./list-inbound-emails";

/** How many e-mails wait for a person: the number on the dashboard's "Mail" link. */
export async function countInboundNeedingAttention(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(inboundEmails).where(inArray(inboundEmails.status, [...NEEDS_ATTENTION]));
  return row?.n ?? 0;
}
