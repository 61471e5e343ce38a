import { z } from "zod";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/db/client";
import { staff, STAFF_ROLES, type Staff } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { LOCALES } from "@/lib/i18n/locales";
import { hashPassword } from "./passwords";
import { cleanName } from "@/lib/validation/clean-input";

export const MIN_PASSWORD_LENGTH = 12;

export const createStaffSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("invalidEmail")),
  name: cleanName().trim().min(1, "required").max(200, "tooLong:200"),
  role: z.enum(STAFF_ROLES, "chooseOne"),
  password: z.string().min(MIN_PASSWORD_LENGTH, `tooShort:${MIN_PASSWORD_LENGTH}`).max(200, "tooLong:200").optional(),
  // Until they choose, staff read the operator's default language.
  locale: z.enum(LOCALES).default(() => getEnv().DEFAULT_LOCALE),
});

/** Creates a staff account (with a password, or none until an invitation is accepted). */
export async function createStaff(db: Db, input: z.input<typeof createStaffSchema>, actor: Actor): Promise<Staff> {
  const data = createStaffSchema.parse(input);
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(staff)
      .values({ email: data.email, name: data.name, role: data.role, locale: data.locale, passwordHash })
      .onConflictDoNothing()
      .returning();
    if (!created) throw new AppError("exists", { details: { entity: "staff" } });
    await recordAuditEvent(tx, {
      actorType: actor.type,
      actorId: actor.id,
      action: "staff.created",
      entityType: "staff",
      entityId: created.id,
      data: { email: data.email, role: data.role },
    });
    return created;
  });
}
