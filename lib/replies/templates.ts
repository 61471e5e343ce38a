import { and, asc, desc, eq, isNotNull, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { replyTemplates, requests, staff, type ReplyTemplate } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { assertCan } from "@/lib/auth/assert-can";
import { AppError } from "@/lib/errors/app-error";
import { fillReplyTemplate } from "./fill-template";
import { MAX_REPLY_LENGTH, MAX_SUBJECT_LENGTH, replyTemplateSchema, type ReplyTemplateInput } from "./schemas";
import { sampleTemplateRequest, templateContextFor } from "./template-context";

/** Who is acting: the signed-in staff member (lib/auth/current-staff.ts). */
export type StaffActor = Pick<CurrentStaff, "id" | "role">;

export type ReplyTemplateRow = ReplyTemplate & { updatedByName: string | null };

function staffAudit(actor: StaffActor) {
  return { actorType: "staff" as const, actorId: actor.id };
}

/** Every reply template, by language and key, with who last changed it. Any staff role may read them. */
export async function listReplyTemplates(db: Db, actor: StaffActor, { locale }: { locale?: Locale } = {}): Promise<ReplyTemplateRow[]> {
  void actor; // templates hold no personal data: every staff role may read them
  const rows = await db
    .select({ template: replyTemplates, updatedByName: staff.name })
    .from(replyTemplates)
    .leftJoin(staff, eq(staff.id, replyTemplates.updatedBy))
    .where(locale ? eq(replyTemplates.locale, locale) : undefined)
    .orderBy(asc(replyTemplates.locale), asc(replyTemplates.key));
  return rows.map((row) => ({ ...row.template, updatedByName: row.updatedByName }));
}

/**
 * Creates a template (no id) or changes one (id). Admins only. The (key, language) pair is
 * unique; a template may not use unknown variables. Writes an audit row in the same transaction.
 */
export async function saveReplyTemplate(db: Db, input: ReplyTemplateInput, actor: StaffActor, now = new Date()): Promise<ReplyTemplate> {
  assertCan(actor, "templates.manage");
  const data = replyTemplateSchema.parse(input);
  const values = { key: data.key, locale: data.locale, name: data.name, subject: data.subject, body: data.body, updatedAt: now, updatedBy: actor.id };
  return db.transaction(async (tx) => {
    if (!data.id) {
      const [created] = await tx.insert(replyTemplates).values(values).onConflictDoNothing().returning();
      if (!created) throw new AppError("exists", { details: { key: data.key, locale: data.locale } });
      await recordAuditEvent(tx, {
        ...staffAudit(actor),
        action: "reply_template.created",
        entityType: "reply_template",
        entityId: created.id,
        data: { key: created.key, locale: created.locale },
      });
      return created;
    }

    const [existing] = await tx.select().from(replyTemplates).where(eq(replyTemplates.id, data.id)).for("update");
    if (!existing) throw new AppError("not_found", { details: { entity: "template", id: data.id } });
    const [clash] = await tx
      .select({ id: replyTemplates.id })
      .from(replyTemplates)
      .where(and(eq(replyTemplates.key, data.key), eq(replyTemplates.locale, data.locale), ne(replyTemplates.id, data.id)));
    if (clash) throw new AppError("exists", { details: { key: data.key, locale: data.locale } });
    const [updated] = await tx.update(replyTemplates).set(values).where(eq(replyTemplates.id, data.id)).returning();
    const changed = (["key", "locale", "name", "subject", "body"] as const).filter((field) => existing[field] !== updated![field]);
    await recordAuditEvent(tx, {
      ...staffAudit(actor),
      action: "reply_template.updated",
      entityType: "reply_template",
      entityId: existing.id,
      data: { key: updated!.key, locale: updated!.locale, changed },
    });
    return updated!;
  });
}

const draftSchema = z.object({
  locale: z.enum(LOCALES),
  subject: z.string().max(MAX_SUBJECT_LENGTH),
  body: z.string().max(MAX_REPLY_LENGTH),
});

const previewSchema = z
  .object({
    templateId: z.uuid().optional(),
    draft: draftSchema.optional(),
    sampleRequestId: z.uuid().nullish(),
  })
  .refine((input) => Boolean(input.templateId) !== Boolean(input.draft), "give either a template id or a draft");

export type PreviewInput = z.input<typeof previewSchema>;

export type TemplatePreview = {
  locale: Locale;
  subject: string;
  body: string;
  unknownVariables: string[];
  /** The request the variables came from; null for the made-up sample. */
  sample: { id: string; reference: string } | null;
};

/**
 * A template (saved, or a draft being edited) filled with a real request's values, or with a
 * made-up sample when none is chosen. Admins only. Dates and the type title are in the
 * template's language, whatever the sample request's language is.
 */
export async function previewReplyTemplate(db: Db, input: PreviewInput, actor: StaffActor, now = new Date()): Promise<TemplatePreview> {
  assertCan(actor, "templates.manage");
  const data = previewSchema.parse(input);
  let template: { locale: Locale; subject: string; body: string };
  if (data.templateId) {
    const [row] = await db.select().from(replyTemplates).where(eq(replyTemplates.id, data.templateId));
    if (!row) throw new AppError("not_found", { details: { entity: "template", id: data.templateId } });
    template = { locale: row.locale, subject: row.subject, body: row.body };
  } else {
    template = data.draft!;
  }

  let sample: TemplatePreview["sample"] = null;
  let source = sampleTemplateRequest(template.locale, now);
  if (data.sampleRequestId) {
    const [request] = await db
      .select()
      .from(requests)
      .where(and(eq(requests.id, data.sampleRequestId), isNotNull(requests.reference)));
    if (!request) throw new AppError("not_found", { details: { entity: "request", id: data.sampleRequestId } });
    sample = { id: request.id, reference: request.reference! };
    source = request;
  }
  const filled = fillReplyTemplate(template, await templateContextFor(source, template.locale));
  return { locale: template.locale, ...filled, sample };
}

export type SampleRequest = { id: string; reference: string; locale: string; type: string };

/** Recent verified requests to preview templates on (references only, no contact details). Admins only. */
export async function listSampleRequests(db: Db, actor: StaffActor, limit = 20): Promise<SampleRequest[]> {
  assertCan(actor, "templates.manage");
  const rows = await db
    .select({ id: requests.id, reference: requests.reference, locale: requests.locale, type: requests.type })
    .from(requests)
    .where(isNotNull(requests.reference))
    .orderBy(desc(requests.verifiedAt))
    .limit(limit);
  return rows.map((row) => ({ ...row, reference: row.reference! }));
}
