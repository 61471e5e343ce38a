import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { MAX_FILE_BYTES, MAX_FILES_PER_SUBMISSION, MAX_IMAGE_MEGAPIXELS } from "@/lib/files/upload-limits";
import { AUTO_REPLY_CHANNEL } from "@/lib/inbound/message-channels";
import type { InboundMessageView, StaffRequestView } from "@/lib/requests/staff/get-staff-request-view";
import type { RequestPageTexts } from "./page-texts";

type Message = StaffRequestView["messages"][number];

/** Incoming on the left, outgoing on the right, internal notes amber and dashed: told apart without reading. */
const LOOK: Record<Message["direction"], string> = {
  inbound: "mr-auto border-slate-300 bg-white",
  outbound: "ml-auto border-brand-100 bg-brand-50",
  internal: "ml-auto border-dashed border-amber-500 bg-amber-50",
};

/**
 * One message of the thread: who, when, how it travelled (e-mail delivery or bounce for outgoing
 * mail, "by e-mail" and the full e-mail for incoming), its text (an automatic reply folded away),
 * its files and the attachments that were not saved.
 */
export async function ThreadMessage({ locale, requestId, message, texts }: { locale: Locale; requestId: string; message: Message; texts: RequestPageTexts }) {
  const { t, when } = texts;
  const mail = await getTranslations({ locale, namespace: "mail.onRequest" });
  const fileProblems = await getTranslations({ locale, namespace: "dashboard.errors.fields" });
  const fileUrl = (fileId: string) => `/${locale}/dashboard/requests/${requestId}/files/${fileId}`;
  // Why an e-mail attachment was not saved, in the words the upload forms use.
  const rejectedReason = ({ name, code }: InboundMessageView["rejectedAttachments"][number]) => {
    if (code === "too_large") return fileProblems("fileTooLarge", { name, maxMb: MAX_FILE_BYTES / 1024 / 1024 });
    if (code === "bad_type") return fileProblems("fileBadType", { name });
    if (code === "empty") return fileProblems("fileEmpty", { name });
    if (code === "too_many_pixels") return fileProblems("fileTooManyPixels", { name, maxMegapixels: MAX_IMAGE_MEGAPIXELS });
    return mail("tooMany", { name, maxFiles: MAX_FILES_PER_SUBMISSION });
  };
  const autoReply = message.channel === AUTO_REPLY_CHANNEL;
  const email = message.email;

  return (
    <article className={`w-full max-w-[46rem] rounded-lg border p-4 shadow-sm ${LOOK[message.direction]}`} data-direction={message.direction}>
      <p className="text-sm text-muted">
        <strong className="text-ink">{t(`messages.${message.direction}`)}</strong>
        {" · "}
        <bdi>{message.authorName ?? "—"}</bdi> · {when(message.createdAt)}
        {message.direction === "inbound" && message.channel === "email" ? ` · ${mail("byEmail")}` : null}
        {autoReply ? ` · ${mail("autoReply")}` : null}
      </p>
      {email ? (
        <p className={`mt-1 text-sm ${email.status === "failed" || email.status === "bounced" ? "font-semibold text-red-800" : "text-muted"}`} data-testid="delivery">
          {t("messages.emailStatus", { status: t(`emails.status.${email.status}`) })}
        </p>
      ) : null}
      {message.inbound?.fromOtherAddress && message.inbound.from ? (
        <p className="mt-1 text-sm font-semibold text-amber-900">{mail("fromOtherAddress", { address: message.inbound.from })}</p>
      ) : null}
      {email?.status === "bounced" ? (
        <p className="mt-1 text-sm font-semibold text-red-800">{email.bounceDetail ? mail("bounced", { detail: email.bounceDetail }) : mail("bouncedNoDetail")}</p>
      ) : email?.status === "failed" && email.lastError ? (
        <p className="mt-1 text-sm font-semibold text-red-800">{t("emails.error", { error: email.lastError })}</p>
      ) : null}
      {autoReply ? (
        <details className="mt-2" data-testid="auto-reply">
          <summary className="cursor-pointer font-medium text-brand-800 underline">{mail("showAutoReply")}</summary>
          <p dir="auto" className="mt-2 break-words whitespace-pre-wrap">
            {message.body}
          </p>
        </details>
      ) : (
        <p dir="auto" className="mt-2 break-words whitespace-pre-wrap">
          {message.body}
        </p>
      )}
      {message.files.length > 0 ? (
        <ul className="mt-2 text-sm" aria-label={t("messages.attachments")}>
          {message.files.map((file) => (
            <li key={file.id} className="break-words">
              <a href={fileUrl(file.id)} className="text-brand-800 underline">
                {t("files.download", { filename: file.filename })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {message.inbound && message.inbound.rejectedAttachments.length > 0 ? (
        <div className="mt-2 text-sm">
          <p id={`rejected-${message.id}`} className="font-medium text-red-800">
            {mail("rejectedAttachments")}
          </p>
          <ul aria-labelledby={`rejected-${message.id}`} className="list-disc pl-5">
            {message.inbound.rejectedAttachments.map((attachment, index) => (
              <li key={index}>{rejectedReason(attachment)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {message.inbound?.fullText?.trim() ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer font-medium text-brand-800 underline">{mail("showFullEmail")}</summary>
          <pre dir="auto" className="mt-2 font-sans break-words whitespace-pre-wrap">
            {message.inbound.fullText}
          </pre>
        </details>
      ) : null}
      {message.inbound?.inboundEmailId ? (
        <p className="mt-2 text-sm">
          <Link href={`/dashboard/mail/${message.inbound.inboundEmailId}`} className="text-brand-800 underline">
            {mail("openEmail")}
          </Link>
        </p>
      ) : null}
    </article>
  );
}
