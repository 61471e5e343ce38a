import { eq, getTableColumns } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { inboundEmails, requests, staff, type InboundEmail } from "@/db/schema";
import { parseInput } from "@/lib/errors/field-errors";
import { AppError } from "@/lib/errors/app-error";
import { inboundRefSchema } from "./inbound-staff-schemas";

export type InboundEmailView = Omit<InboundEmail, "raw"> & {
  /** The request it was tied to (automatically or by staff), when there is one. */
  request: { id: string; reference: string | null } | null;
  resolvedByName: string | null;
};

/** Never the raw bytes here: the page shows what parsing found; the original is a separate download. */
function withoutRaw<T extends { raw: unknown }>(columns: T): Omit<T, "raw"> {
  const rest: Partial<T> = { ...columns };
  delete rest.raw;
  return rest as Omit<T, "raw">;
}

/** One stored e-mail for its dashboard page: everything parsing found, without the raw bytes. */
export async function getInboundEmail(db: Db, input: z.input<typeof inboundRefSchema>): Promise<InboundEmailView> {
  const { inboundEmailId } = parseInput(inboundRefSchema, input);
  const columns = withoutRaw(getTableColumns(inboundEmails));
  const [row] = await db
    .select({ email: columns, reference: requests.reference, resolvedByName: staff.name })
    .from(inboundEmails)
    .leftJoin(requests, eq(requests.id, inboundEmails.requestId))
    .leftJoin(staff, eq(staff.id, inboundEmails.resolvedById))
    .where(eq(inboundEmails.id, inboundEmailId));
  if (!row) throw new AppError("not_found");
  const email = row.email;
  return {
    ...email,
    request: email.requestId ? { id: email.requestId, reference: row.reference } : null,
    resolvedByName: row.resolvedByName,
  };
}
