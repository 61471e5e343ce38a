import type { Messages } from "@/lib/i18n/messages";

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
