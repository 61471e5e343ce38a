import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Card } from "@/components/card";
import { Container } from "@/components/container";
import { requireStaff } from "@/lib/auth/require-staff";
import type { Locale } from "@/lib/i18n/locales";
import { getInboundEmail, type InboundEmailView } from "@/lib/inbound/get-inbound-email";
import { isAppError } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/text/uuid";
import { can } from "@/lib/auth/permissions";
import { INBOUND_STATUS_ACTIONS } from "@/lib/inbound/inbound-staff-schemas";
import { Link } from "@/lib/i18n/navigation";
import { readyDb } from "@/db/ready";
import { DefinitionRow } from "@/components/definition-row";
import { MailFeedback } from "./mail-feedback";
import { AttachForm, DismissForm, RetryButton } from "./mail-forms";

type Props = { params: Promise<{ locale: Locale; id: string }> };

export const metadata: Metadata = { robots: { index: false, follow: false } };


async function loadEmail(id: string): Promise<InboundEmailView> {
  if (!isUuid(id)) notFound();
  try {
    return await getInboundEmail(await readyDb(), { inboundEmailId: id });
  } catch (error) {
    if (isAppError(error, "not_found")) notFound();
    throw error;
  }
}

/**
 * One stored e-mail: its headers, its text (as text only: the sanitized HTML is never rendered
 * here), the original for download, and what staff can do with it while it waits for them.
 */
export default async function InboundEmailPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const me = await requireStaff({ locale, permission: "mail.read", returnTo: `/${locale}/dashboard/mail/${id}` });
  const email = await loadEmail(id);
  const t = await getTranslations({ locale, namespace: "mail" });
  const format = await getFormatter({ locale });
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });

  const mayAct = can(me.role, "mail.work");
  const actions = INBOUND_STATUS_ACTIONS[email.status];
  const from = email.fromAddress ? (email.fromName ? `${email.fromName} <${email.fromAddress}>` : email.fromAddress) : t("list.unknownSender");
  const parsed = email.messageId !== null;
  const visible = email.visibleText?.trim() ? email.visibleText : email.textBody;

  return (
    <Container className="py-8">
      <Link href="/dashboard/mail" className="text-brand-800 underline">
        ← {t("detail.backToList")}
      </Link>
      <h1 className="mt-3 text-3xl font-bold break-words">{t("detail.title", { subject: email.subject ?? t("list.noSubject") })}</h1>
      <p className="mt-2 text-lg" data-testid="inbound-status">
        <strong className={email.status === "failed" ? "text-red-800" : undefined}>{t(`statuses.${email.status}`)}</strong>
        {email.kind ? ` · ${t(`kinds.${email.kind}`)}` : null}
      </p>

      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card as="section" aria-labelledby="headers-title">
          <h2 id="headers-title" className="text-xl font-semibold">
            {t("detail.headers")}
          </h2>
          {!parsed ? <p className="mt-2 text-muted">{t("detail.notParsed")}</p> : null}
          <dl className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
            <DefinitionRow label={t("detail.from")}>{from}</DefinitionRow>
            {email.toAddresses.length > 0 ? <DefinitionRow label={t("detail.to")}>{email.toAddresses.join(", ")}</DefinitionRow> : null}
            <DefinitionRow label={t("detail.subject")}>{email.subject ?? t("list.noSubject")}</DefinitionRow>
            {email.sentAt ? <DefinitionRow label={t("detail.date")}>{when(email.sentAt)}</DefinitionRow> : null}
            <DefinitionRow label={t("detail.received")}>{when(email.receivedAt)}</DefinitionRow>
            {email.messageId ? (
              <DefinitionRow label={t("detail.messageId")}>
                <span className="font-mono text-sm break-all">{email.messageId}</span>
              </DefinitionRow>
            ) : null}
            <DefinitionRow label={t("detail.attachments")}>{email.attachmentCount > 0 ? t("detail.attachmentCount", { count: email.attachmentCount }) : "—"}</DefinitionRow>
            <DefinitionRow label={t("detail.sizeLabel")}>{t("detail.size", { kb: Math.max(1, Math.ceil(email.rawSize / 1024)) })}</DefinitionRow>
            {email.error ? (
              <DefinitionRow label={t("detail.error")}>
                <span className="font-medium text-red-800">{email.error}</span>
              </DefinitionRow>
            ) : null}
            {email.status === "failed" ? (
              <DefinitionRow label={t("detail.attemptsLabel")}>
                {email.nextAttemptAt
                  ? t("detail.nextAttempt", { attempts: t("list.attempts", { count: email.attempts }), date: when(email.nextAttemptAt) })
                  : t("detail.noMoreAttempts", { attempts: t("list.attempts", { count: email.attempts }) })}
              </DefinitionRow>
            ) : null}
            {email.status === "unmatched" && email.unmatchedReason ? (
              <DefinitionRow label={t("detail.unmatchedReasonLabel")}>
                <span className="font-medium text-amber-900" data-testid="unmatched-reason">
                  {t(`unmatchedReasons.${email.unmatchedReason}`)}
                </span>
              </DefinitionRow>
            ) : null}
            {email.request ? (
              <DefinitionRow label={t("detail.request")}>
                <Link href={`/dashboard/requests/${email.request.id}`} className="text-brand-800 underline">
                  {t("detail.openRequest", { reference: email.request.reference ?? email.request.id.slice(0, 8) })}
                </Link>
              </DefinitionRow>
            ) : null}
            {email.resolvedAt ? (
              <DefinitionRow label={t("detail.resolved")}>{t("detail.resolvedBy", { name: email.resolvedByName ?? "—", date: when(email.resolvedAt) })}</DefinitionRow>
            ) : null}
            {email.resolutionNote ? <DefinitionRow label={t("detail.resolutionNote")}>{email.resolutionNote}</DefinitionRow> : null}
          </dl>
          <p className="mt-4">
            <a href={`/${locale}/dashboard/mail/${email.id}/raw`} download className="text-brand-800 underline">
              {t("detail.raw")}
            </a>
          </p>
        </Card>

        {email.bounce ? (
          <Card as="section" aria-labelledby="bounce-title">
            <h2 id="bounce-title" className="text-xl font-semibold">
              {t("detail.bounce")}
            </h2>
            <dl className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
              <DefinitionRow label={t("detail.bounceRecipient")}>{email.bounce.recipient ?? "—"}</DefinitionRow>
              <DefinitionRow label={t("detail.bounceStatus")}>{email.bounce.status ?? "—"}</DefinitionRow>
              <DefinitionRow label={t("detail.bounceDiagnostic")}>{email.bounce.diagnostic ?? "—"}</DefinitionRow>
            </dl>
          </Card>
        ) : null}
      </div>

      <Card as="section" aria-labelledby="text-title" className="mt-6">
        <h2 id="text-title" className="text-xl font-semibold">
          {t("detail.text")}
        </h2>
        {visible?.trim() ? (
          <>
            <h3 className="mt-3 font-semibold">{t("detail.visibleText")}</h3>
            <pre className="mt-2 font-sans break-words whitespace-pre-wrap" data-testid="inbound-visible-text">
              {visible}
            </pre>
            {email.textBody && email.textBody !== visible ? (
              <details className="mt-4">
                <summary className="cursor-pointer font-medium text-brand-800 underline">{t("detail.fullText")}</summary>
                <pre className="mt-2 font-sans break-words whitespace-pre-wrap">{email.textBody}</pre>
              </details>
            ) : null}
          </>
        ) : (
          <p className="mt-2 text-muted">{parsed ? t("detail.noText") : t("detail.notParsed")}</p>
        )}
        {email.htmlSanitized ? <p className="mt-4 text-sm text-muted">{t("detail.htmlNotShown")}</p> : null}
      </Card>

      <Card as="section" aria-labelledby="mail-actions-title" className="mt-6">
        <h2 id="mail-actions-title" tabIndex={-1} className="text-xl font-semibold focus:outline-none">
          {t("actions.title")}
        </h2>
        {!mayAct ? (
          <p className="mt-2">{t("actions.readOnly")}</p>
        ) : (
          <MailFeedback focusId="mail-actions-title">
            {actions.length > 0 ? (
              <div className="mt-2 grid grid-cols-1 gap-6 lg:grid-cols-2">
                {actions.includes("attach") ? (
                  <section aria-labelledby="attach-title">
                    <h3 id="attach-title" className="mt-4 text-lg font-semibold">
                      {t("actions.attach.title")}
                    </h3>
                    <AttachForm
                      inboundEmailId={email.id}
                      hint={email.kind === "bounce" ? t("actions.attach.otherHint") : email.kind === "auto_reply" ? t("actions.attach.autoReplyHint") : t("actions.attach.replyHint")}
                    />
                  </section>
                ) : null}
                {actions.includes("dismiss") ? (
                  <section aria-labelledby="dismiss-title">
                    <h3 id="dismiss-title" className="mt-4 text-lg font-semibold">
                      {t("actions.dismiss.title")}
                    </h3>
                    <DismissForm inboundEmailId={email.id} />
                  </section>
                ) : null}
                {actions.includes("retry") ? (
                  <section aria-labelledby="retry-title">
                    <h3 id="retry-title" className="mt-4 text-lg font-semibold">
                      {t("actions.retry.title")}
                    </h3>
                    <RetryButton inboundEmailId={email.id} hint={email.status === "received" ? t("actions.retry.receivedHint") : t("actions.retry.hint")} />
                  </section>
                ) : null}
              </div>
            ) : (
              <p className="mt-2">{t("actions.nothingToDo")}</p>
            )}
          </MailFeedback>
        )}
      </Card>
    </Container>
  );
}
