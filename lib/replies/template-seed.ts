import { z } from "zod";
import type { Db } from "@/db/client";
import { replyTemplates } from "@/db/schema";
import enSeed from "@/db/seed/templates/en.json";
import kkSeed from "@/db/seed/templates/kk.json";
import ruSeed from "@/db/seed/templates/ru.json";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { LOCALES } from "@/lib/i18n/locales";
import { replyTemplateSchema } from "./schemas";

const seedFileSchema = z.object({
  locale: z.enum(LOCALES),
  templates: z.array(replyTemplateSchema.pick({ key: true, name: true, subject: true, body: true })).min(1),
});

export type ReplyTemplateSeed = { key: string; locale: (typeof LOCALES)[number]; name: string; subject: string; body: string };

/**
 * The default reply templates (db/seed/templates/<locale>.json), checked so that a typo — an
 * unknown variable, a duplicate key, a language missing a template — fails start-up clearly.
 */
export function readReplyTemplateSeed(files: unknown[] = [ruSeed, kkSeed, enSeed]): ReplyTemplateSeed[] {
  const parsed = files.map((file) => seedFileSchema.parse(file));
  const keysOf = (file: (typeof parsed)[number]) => file.templates.map((t) => t.key);
  for (const file of parsed) {
    const keys = keysOf(file);
    if (new Set(keys).size !== keys.length) throw new Error(`reply template seed ${file.locale}: a key appears twice`);
  }
  const locales = parsed.map((file) => file.locale);
  if (new Set(locales).size !== locales.length || LOCALES.some((locale) => !locales.includes(locale))) {
    throw new Error(`reply template seed: expected one file per language (${LOCALES.join(", ")}), got ${locales.join(", ")}`);
  }
  const reference = [...keysOf(parsed[0]!)].sort().join(",");
  for (const file of parsed) {
    if ([...keysOf(file)].sort().join(",") !== reference) throw new Error(`reply template seed ${file.locale}: not the same keys as ${parsed[0]!.locale}`);
  }
  return parsed.flatMap((file) => file.templates.map((template) => ({ ...template, locale: file.locale })));
}

/**
 * Loads the default templates; safe on every start. Only missing (key, language) pairs are
 * inserted, so an admin's edits stay. A template an admin deleted comes back (there is no
 * delete yet); the audit log records every insert.
 */
export async function seedReplyTemplates(db: Db, seed: ReplyTemplateSeed[] = readReplyTemplateSeed()): Promise<{ added: number }> {
  return db.transaction(async (tx) => {
    const added = await tx
      .insert(replyTemplates)
      .values(seed)
      .onConflictDoNothing({ target: [replyTemplates.key, replyTemplates.locale] })
      .returning({ id: replyTemplates.id, key: replyTemplates.key, locale: replyTemplates.locale });
    if (added.length > 0) {
      await recordAuditEvent(tx, {
        actorType: "system",
        action: "reply_template.defaults_seeded",
        entityType: "reply_template",
        data: { templates: added.map((row) => `${row.key}:${row.locale}`) },
      });
    }
    return { added: added.length };
  });
}
