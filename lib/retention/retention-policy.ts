import { eq } from "drizzle-orm";
import type { Executor, Db } from "@/db/client";
import { appSettings } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { assertCan } from "@/lib/auth/assert-can";
import { DEFAULT_RETENTION, retentionPolicySchema, type RetentionPeriod, type RetentionPolicyInput } from "./retention-schemas";

const RETENTION_KEY = "retention";

export type RetentionPolicy = RetentionPeriod & {
  /** When and by whom it was last changed; null while the built-in default applies. */
  updatedAt: Date | null;
  updatedBy: string | null;
};

/** The retention period in force: the admin's choice, or three years when none was made. */
export async function getRetentionPolicy(db: Executor): Promise<RetentionPolicy> {
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, RETENTION_KEY));
  // A row that no longer parses (edited by hand) falls back to the default rather than to nothing.
  const parsed = row ? retentionPolicySchema.safeParse(row.value) : null;
  if (!row || !parsed?.success) return { ...DEFAULT_RETENTION, updatedAt: null, updatedBy: null };
  return { ...parsed.data, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
}

/** Requests closed before this moment are due for anonymisation. Months are calendar months (UTC). */
export function retentionCutoff(period: RetentionPeriod, now: Date): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - (period.unit === "years" ? period.amount * 12 : period.amount));
  return cutoff;
}

/** Admins change the retention period; the change, with the value before, is audited. */
export async function updateRetentionPolicy(db: Db, input: RetentionPolicyInput, actor: Pick<CurrentStaff, "id" | "role">): Promise<RetentionPolicy> {
  assertCan(actor, "retention.manage");
  const period = retentionPolicySchema.parse(input);
  return db.transaction(async (tx) => {
    const before = await getRetentionPolicy(tx);
    const value = { amount: period.amount, unit: period.unit };
    const [row] = await tx
      .insert(appSettings)
      .values({ key: RETENTION_KEY, value, updatedBy: actor.id })
      .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date(), updatedBy: actor.id } })
      .returning();
    await recordAuditEvent(tx, {
      actorType: "staff",
      actorId: actor.id,
      action: "retention.policy_updated",
      entityType: "app_setting",
      entityId: RETENTION_KEY,
      data: { before: { amount: before.amount, unit: before.unit, isDefault: before.updatedAt === null }, after: value },
    });
    return { ...value, updatedAt: row!.updatedAt, updatedBy: row!.updatedBy };
  });
}
