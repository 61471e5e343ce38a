import type { Locale } from "@/lib/i18n/locales";
import type { StaffRequestView } from "@/lib/requests/staff/get-staff-request-view";
import type { RequestPageTexts } from "./page-texts";
import { ThreadMessage } from "./thread-message";

/** The conversation with the requester and the staff's notes, oldest first, newest right above the composer. */
export function Thread({ locale, view, texts }: { locale: Locale; view: StaffRequestView; texts: RequestPageTexts }) {
  const { t } = texts;
  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title" className="text-xl font-semibold">
        {t("messages.title")}
      </h2>
      {view.messages.length === 0 ? <p className="mt-2 text-muted">{t("messages.empty")}</p> : null}
      <ol className="mt-3 flex flex-col gap-3">
        {view.messages.map((message) => (
          <li key={message.id} className="flex">
            <ThreadMessage locale={locale} requestId={view.request.id} message={message} texts={texts} />
          </li>
        ))}
      </ol>
    </section>
  );
}
