import { readFile } from "node:fs/promises";
import path from "node:path";
import { count } from "drizzle-orm";
import type { Db } from "@/db/client";
import { policyVersions } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { LOCALES } from "@/lib/i18n/locales";
import { log } from "@/lib/log";
import { publishPolicyVersion } from "@/lib/policy/publish-policy-version";
import { seedReplyTemplates } from "@/lib/replies/template-seed";
import { seedDeadlineData } from "@/lib/requests/deadlines/deadline-repository";

export const SEED_FOLDER = path.join(process.cwd(), "db", "seed");

/** Splits a seed Markdown file into its "# title" line and the body after it. */
export function splitTitle(markdown: string): { title: string; body: string } {
  const match = /^#\s+(.+)\n+([\s\S]*)$/.exec(markdown.replace(/\r\n/g, "\n").trim());
  if (!match) throw new Error("seed policy text must start with a '# Title' line");
  return { title: match[1]!.trim(), body: match[2]!.trim() };
}

/**
 * Loads the default deadline rules and holiday calendars (every start; only what is missing), and
 * the operator's first privacy policy (db/seed/policy) when none is published yet.
 * Later versions are published by admins; this never overwrites them.
 */
export async function seedOperatorData(db: Db, seedFolder = SEED_FOLDER): Promise<void> {
  const deadlines = await seedDeadlineData(db);
  if (deadlines.rulesAdded > 0 || deadlines.calendarDaysAdded > 0) log.info("loaded default deadline rules and calendar days", deadlines);
  const templates = await seedReplyTemplates(db);
  if (templates.added > 0) log.info("loaded default reply templates", templates);

  const [{ value: existing } = { value: 0 }] = await db.select({ value: count() }).from(policyVersions);
  if (existing > 0) return;
  const meta = JSON.parse(await readFile(path.join(seedFolder, "policy", "meta.json"), "utf8")) as {
    version: string;
    effectiveOn: string;
  };
  for (const locale of LOCALES) {
    const { title, body } = splitTitle(await readFile(path.join(seedFolder, "policy", `${locale}.md`), "utf8"));
    await publishPolicyVersion(db, { locale, title, body, version: meta.version, effectiveOn: meta.effectiveOn }, SYSTEM_ACTOR);
  }
  log.info("published the seed privacy policy", { version: meta.version, locales: LOCALES.join(",") });
}
