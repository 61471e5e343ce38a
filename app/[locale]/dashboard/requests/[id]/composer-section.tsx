import { getTranslations } from "next-intl/server";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/locales";
import { LOCALE_NAMES } from "@/lib/i18n/routing";
import { loadReplyComposer } from "@/lib/replies/load-reply-composer";
import { readyDb } from "@/db/ready";
import { ComposerTabs } from "./composer-tabs";
import { ReplyComposer } from "./reply-composer";

/**
 * Right under the thread: a reply to the requester (templates in their language, filled in,
 * and the state it is written against) or an internal note, as two tabs. A compliance officer
 * gets a line saying replies are not theirs to send. The page checked the staff member; the
 * composer's data is loaded with their role checked again (loadReplyComposer).
 */
export async function ComposerSection({ locale, requestId, me, mayWrite }: { locale: Locale; requestId: string; me: CurrentStaff; mayWrite: boolean }) {
  const t = await getTranslations({ locale, namespace: "replies.composer" });
  const data = mayWrite && can(me.role, "requests.work") ? await loadReplyComposer(await readyDb(), { requestId }, me) : null;

  return (
    <section aria-labelledby="reply-composer-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="reply-composer-title" className="sr-only">
        {t("title")}
      </h2>
      {!can(me.role, "requests.work") ? (
        <p>{t("readOnly")}</p>
      ) : (
        <ComposerTabs
          requestId={requestId}
          reply={
            data ? (
              <>
                <p className="text-sm text-muted">{t("language", { language: LOCALE_NAMES[data.request.locale] })}</p>
                <ReplyComposer
                  requestId={data.request.id}
                  locale={locale}
                  templates={data.templates}
                  loadedAt={data.loadedAt.toISOString()}
                  lastSeenMessageId={data.lastSeenMessageId}
                  reference={data.request.reference}
                  requesterLocale={data.request.locale}
                />
              </>
            ) : (
              <p>{t("unavailable")}</p>
            )
          }
        />
      )}
    </section>
  );
}
