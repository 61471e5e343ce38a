"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { readCodeSentTo } from "../../code-sent-to-session";

const noChanges = () => () => {};

/**
 * "Code sent to: a***@example.kz" — from the cookie of a form posted without JavaScript (read by
 * the page), else from what the form's script kept in this tab. Rendered on the server without
 * the latter, so the first paint is the same for every id.
 */
export function CodeSentToNote({ fromCookie, verifyPath }: { fromCookie: string | null; verifyPath: string }) {
  const t = useTranslations("intake");
  const kept = useSyncExternalStore(noChanges, () => readCodeSentTo(verifyPath), () => null);
  const address = fromCookie ?? kept;
  if (!address) return null;
  return (
    <p className="mt-2 max-w-2xl" data-testid="code-sent-to">
      {t("verify.sentTo", { address })}
    </p>
  );
}
