import { getTranslations } from "next-intl/server";
import { checkStaff } from "@/lib/auth/current-staff";
import type { Locale } from "@/lib/i18n/locales";
import { LOCALE_NAMES } from "@/lib/i18n/routing";
import { loadReplyComposer } from "@/lib/replies/load-reply-composer";
import { can } from "@/lib/auth/permissions";
import { readyDb } from "@/lib/startup/ensure-app-ready";
import { ReplyComposer } from "./reply-composer";

/**
 * The request page's reply section: loads what the composer needs (templates in the requester's
 * language, filled in, and the state it is written against) and renders it. Agents and admins
 * get the composer; a compliance officer gets a line saying replies are not theirs to send.
 * The page still checks the staff member itself (requireStaff); this checks again at the data.
 */
export async function ReplySection({ locale, requestId }: { locale: Locale; requestId: string }) {
  const check = await checkStaff();
  if (!check.ok) return null;
  const t = await getTranslations({ locale, namespace: "replies.composer" });
  const mayReply = can(check.staff.role, "requests.work");
  const data = mayReply ? await loadReplyComposer(await readyDb(), { requestId }, check.staff) : null;

  return (
    <section aria-labelledby="reply-composer-title" className="mt-8">
      <h2 id="reply-composer-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {!mayReply ? (
        <p className="mt-2">{t("readOnly")}</p>
      ) : !data ? (
        <p className="mt-2">{t("unavailable")}</p>
      ) : (
        <>
          <p className="mt-2 text-sm text-muted">
            {t("language", { language: LOCALE_NAMES[data.request.locale] })}
          </p>
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
      )}
    </section>
  );
}
