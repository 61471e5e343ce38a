import { z } from "zod";
import type { Db } from "@/db/client";
import { policyVersions, type PolicyVersion } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { LOCALES } from "@/lib/i18n/locales";

export const publishPolicyVersionSchema = z.object({
  locale: z.enum(LOCALES),
  version: z.string().trim().min(1).max(40).regex(/^[\p{L}\p{N}._-]+$/u, "letters, digits, dots, dashes"),
  title: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(200_000),
  effectiveOn: z.iso.date(),
});

export type PublishPolicyVersionInput = z.input<typeof publishPolicyVersionSchema>;

/** Publishes one language's text of a policy version; versions are never edited afterwards. */
export async function publishPolicyVersion(db: Db, input: PublishPolicyVersionInput, actor: Actor): Promise<PolicyVersion> {
  const data = publishPolicyVersionSchema.parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(policyVersions)
      .values({ ...data, publishedBy: actor.id ?? null })
      .returning();
    await recordAuditEvent(tx, {
      actorType: actor.type,
      actorId: actor.id,
      action: "policy.version_published",
      entityType: "policy_version",
      entityId: row!.id,
      data: { locale: data.locale, version: data.version, effectiveOn: data.effectiveOn },
    });
    return row!;
  });
}
