import type { Locale } from "@/lib/i18n/locales";
import { loadMessages, type Messages } from "@/lib/i18n/messages";

/**
 * The words of the status page's reply and withdrawal forms, handed over by the page as plain data
 * and worded in the browser by lib/i18n/plain-translator.ts (each part is in its PLAIN_NAMESPACES,
 * so every message is tested against next-intl).
 */
export type StatusFormMessages = {
  intake: Pick<Messages["intake"], "errors" | "fields">;
  status: Pick<Messages["status"], "reply" | "withdraw">;
};

/** Those parts of a language's catalogue. */
export function statusFormMessages(all: Messages): StatusFormMessages {
  return {
    intake: { errors: all.intake.errors, fields: all.intake.fields },
    status: { reply: all.status.reply, withdraw: all.status.withdraw },
  };
}

const kept = new Map<Locale, StatusFormMessages>();

/** A language's form messages, picked once per process (the catalogues are fixed at build time). */
export async function getStatusFormMessages(locale: Locale): Promise<StatusFormMessages> {
  let messages = kept.get(locale);
  if (!messages) kept.set(locale, (messages = statusFormMessages(await loadMessages(locale))));
  return messages;
}
