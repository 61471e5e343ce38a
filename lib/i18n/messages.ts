import type { Locale } from "@/lib/i18n/locales";
import type email from "./messages/ru/email.json";
import type intake from "./messages/ru/intake.json";
import type site from "./messages/ru/site.json";
import type calendar from "./messages/ru/calendar.json";
import type dashboard from "./messages/ru/dashboard.json";
import type audit from "./messages/ru/audit.json";
import type exportsCatalogue from "./messages/ru/exports.json";
import type mail from "./messages/ru/mail.json";
import type policyAdmin from "./messages/ru/policy-admin.json";
import type reports from "./messages/ru/reports.json";
import type retention from "./messages/ru/retention.json";
import type replies from "./messages/ru/replies.json";
import type staffAdmin from "./messages/ru/staff-admin.json";
import type staff from "./messages/ru/staff.json";
import type status from "./messages/ru/status.json";
import type fulfilment from "./messages/ru/fulfilment.json";
import type shell from "./messages/ru/shell.json";

/**
 * Catalogues are split by feature (one file per area, same files in every language) so that
 * each area's strings can change without touching the others. Top-level keys never repeat
 * across files.
 */
export const CATALOGUE_FILES = ["site", "intake", "status", "email", "staff", "dashboard", "replies", "staff-admin", "calendar", "mail", "audit", "exports", "reports", "retention", "policy-admin", "fulfilment", "shell"] as const;

export type Messages = typeof site & typeof intake & typeof status & typeof email & typeof staff & typeof dashboard & typeof replies & typeof staffAdmin & typeof calendar &
  typeof mail &
  typeof audit &
  typeof exportsCatalogue &
  typeof reports &
  typeof retention &
  typeof policyAdmin &
  typeof fulfilment &
  typeof shell;

// Merged once per locale and process: every page render and every e-mail asks for them, and
// merging ~15 catalogues each time was measurable work and garbage on the submission path. (In
// development an edited catalogue reloads this module, and with it the cache.)
const merged = new Map<Locale, Promise<Messages>>();

async function mergeMessages(locale: Locale): Promise<Messages> {
  const parts = await Promise.all(
    CATALOGUE_FILES.map(async (file) => (await import(`./messages/${locale}/${file}.json`)).default as object),
  );
  return Object.assign({}, ...parts) as Messages;
}

export function loadMessages(locale: Locale): Promise<Messages> {
  let messages = merged.get(locale);
  if (!messages) {
    messages = mergeMessages(locale).catch((error: unknown) => {
      merged.delete(locale);
      throw error;
    });
    merged.set(locale, messages);
  }
  return messages;
}
