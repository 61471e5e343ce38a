"use client";

import { useActionState, useMemo } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { plainTranslator } from "@/lib/i18n/plain-translator";
import type { StatusFormMessages } from "./status-form-messages";
import { withdrawAction } from "./actions";

/**
 * A plain form posted to its server action, with or without JavaScript: the browser refuses it
 * until the box is ticked (required), and the action checks the box again. Its words come from
 * the page as plain data (no next-intl in the browser).
 */
export function WithdrawForm({ token, locale, messages }: { token: string; locale: Locale; messages: StatusFormMessages }) {
  const t = useMemo(() => plainTranslator(messages.status, locale, "status"), [messages.status, locale]);
  const ti = useMemo(() => plainTranslator(messages.intake, locale, "intake"), [messages.intake, locale]);
  const [state, withdraw, pending] = useActionState(withdrawAction, null);
  const error = state && !state.ok ? (state.error === "closed" ? t("reply.closed") : state.error === "not_confirmed" ? t("withdraw.notConfirmed") : ti("errors.unexpected")) : null;
  return (
    <form action={withdraw} method="post" className="mt-3">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="locale" value={locale} />
      <div className="flex items-start gap-2">
        <input id="withdraw-confirm" name="confirm" type="checkbox" required className="mt-1 h-5 w-5 accent-red-700" aria-describedby={error ? "withdraw-error" : undefined} />
        <label htmlFor="withdraw-confirm">{t("withdraw.confirm")}</label>
      </div>
      {error ? (
        <p id="withdraw-error" role="alert" className="mt-2 text-red-800">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="mt-3 rounded-md border border-red-700 px-4 py-2 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-50">
        {t("withdraw.submit")}
      </button>
    </form>
  );
}
