import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { inboundEmails, type InboundEmail } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";

/** The inbound e-mail's row, locked for the rest of the transaction (processing locks it the same way). */
export async function lockInboundEmail(tx: Tx, id: string): Promise<InboundEmail> {
  const [row] = await tx.select().from(inboundEmails).where(eq(inboundEmails.id, id)).for("update");
  if (!row) throw new AppError("not_found");
  return row;
}
