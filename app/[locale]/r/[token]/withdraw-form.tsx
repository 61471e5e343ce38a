"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { withdrawAction } from "./actions";

export function WithdrawForm({ token }: { token: string }) {
  const t = useTranslations("status");
  const ti = useTranslations("intake");
  const locale = useLocale();
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="mt-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (!confirmed) return;
        startTransition(async () => {
          const result = await withdrawAction(locale, token);
          if (!result.ok) setError(result.error === "closed" ? t("reply.closed") : ti("errors.unexpected"));
        });
      }}
    >
      <div className="flex items-start gap-2">
        <input id="withdraw-confirm" type="checkbox" className="mt-1 h-5 w-5 accent-red-700" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
        <label htmlFor="withdraw-confirm">{t("withdraw.confirm")}</label>
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-red-800">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={!confirmed || pending} className="mt-3 rounded-md border border-red-700 px-4 py-2 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-50">
        {t("withdraw.submit")}
      </button>
    </form>
  );
}
