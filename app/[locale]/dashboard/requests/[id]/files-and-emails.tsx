import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import type { StaffRequestView } from "@/lib/requests/staff/get-staff-request-view";
import type { RequestPageTexts } from "./page-texts";
import { FoldSection } from "./fold-section";

/** Every file on the request (what it is, size, until when the requester may download it), folded. */
export function RequestFiles({ locale, view, texts }: { locale: Locale; view: StaffRequestView; texts: RequestPageTexts }) {
  const { t, when } = texts;
  const fileUrl = (fileId: string) => `/${locale}/dashboard/requests/${view.request.id}/files/${fileId}`;
  return (
    <FoldSection testId="files" title={t("files.title")} count={view.files.length}>
      <div className="px-4 pb-4">
        {view.files.length === 0 ? <p className="text-muted">{t("files.empty")}</p> : null}
        <ul className="space-y-2">
          {view.files.map((file) => (
            <li key={file.id} className="break-words">
              <a href={fileUrl(file.id)} className="text-brand-800 underline">
                {t("files.download", { filename: file.filename })}
              </a>
              <span className="ml-2 text-sm text-muted">
                {t(`files.purposes.${file.purpose}`)} · {t("files.size", { kb: Math.ceil(file.sizeBytes / 1024) })} · {when(file.createdAt)}
                {file.availableUntil ? ` · ${t("files.availableUntil", { date: when(file.availableUntil) })}` : null}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </FoldSection>
  );
}

/** Every e-mail the request sent (acknowledgements, notices, replies) and whether it arrived, folded. */
export async function RequestEmails({ locale, view, texts }: { locale: Locale; view: StaffRequestView; texts: RequestPageTexts }) {
  const { t, when } = texts;
  const mail = await getTranslations({ locale, namespace: "mail.onRequest" });
  const failing = view.emails.some((email) => email.status === "failed" || email.status === "bounced");
  return (
    // Open by itself when something did not arrive: that is what staff must see.
    <FoldSection testId="emails" title={t("emails.title")} count={view.emails.length} open={failing}>
      <div className="px-4 pb-4">
        {view.emails.length === 0 ? <p className="text-muted">{t("emails.empty")}</p> : null}
        <ul className="space-y-2 text-sm">
          {view.emails.map((email) => (
            <li key={email.id} className="break-words">
              <span className="font-medium">{email.subject}</span>
              <br />
              <span className={email.status === "failed" || email.status === "bounced" ? "font-semibold text-red-800" : "text-muted"}>
                {t(`emails.status.${email.status}`)} · {when(email.bouncedAt ?? email.sentAt ?? email.createdAt)}
              </span>
              {email.status === "bounced" ? <span className="block text-red-800">{email.bounceDetail ? mail("bounced", { detail: email.bounceDetail }) : mail("bouncedNoDetail")}</span> : null}
              {email.lastError ? <span className="block text-red-800">{t("emails.error", { error: email.lastError })}</span> : null}
            </li>
          ))}
        </ul>
      </div>
    </FoldSection>
  );
}
