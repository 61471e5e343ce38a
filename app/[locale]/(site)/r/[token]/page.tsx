import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Card } from "@/components/card";
import { Container } from "@/components/container";
import { PrintButton } from "@/components/print-button";
import type { Locale } from "@/lib/i18n/locales";
import { getPageFormatter, getPageTranslations, type PageTranslator } from "@/lib/i18n/page-translations";
import { getRequestStatus, type RequestStatusView } from "@/lib/requests/get-request-status";
import { dateLine, denialFacts, receiptOf } from "@/lib/requests/status-page-facts";
import { readyDb } from "@/db/ready";
import { DenialExplained } from "./denial-explained";
import { LabelledValue, LabelledValues } from "./labelled-values";
import { ProgressLine } from "./progress-line";
import { ReplyForm } from "./reply-form";
import { RequestSummary } from "./request-summary";
import { WithdrawForm } from "./withdraw-form";
import { getStatusFormMessages } from "./status-form-messages";
import { isRequesterTimelineKind } from "@/lib/requests/timeline-events";

// Depends on the visitor or the database at request time: never served from the page cache.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; token: string }> };

export const metadata: Metadata = { robots: { index: false, follow: false } };



export default async function RequestStatusPage({ params }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const result = await getRequestStatus(await readyDb(), token);
  // A wrong, revoked or expired link answers 404 with the page in ./not-found.tsx, which leads to "lost my link".
  if (!result.ok) notFound();
  const t = await getPageTranslations({ locale, namespace: "status" });
  // What the reply and withdraw forms say in the browser, as plain data (not the whole intake and
  // status catalogues; no next-intl client code: lib/i18n/plain-translator.ts words it there).
  const formMessages = await getStatusFormMessages(locale);

  const { view } = result;
  const { request } = view;
  const types = await getPageTranslations({ locale, namespace: "requestTypes" });
  const format = getPageFormatter(locale);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });
  const fileUrl = (id: string) => `/api/r/${token}/files/${id}`;
  const receipt = receiptOf(request);
  const dates = dateLine(request);
  const denial = denialFacts(request);

  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("pageTitle", { reference: request.reference ?? "" })}</h1>
      <p className="mt-2 max-w-2xl text-sm text-muted print:hidden">{t("privateLink")}</p>

      <ProgressLine locale={locale} status={request.status} />

      <section aria-labelledby="next-title" className="mt-6 max-w-3xl rounded-lg border-l-4 border-brand-700 bg-brand-50 px-5 py-4">
        <h2 id="next-title" className="text-lg font-semibold">
          {t("nextTitle")}
        </h2>
        <p className="mt-1" data-testid="next-step">
          {t(`next.${request.status}`)}
        </p>
      </section>

      <Card as="section" aria-labelledby="receipt-title" className="print-only-this mt-6 max-w-3xl">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="receipt-title" className="text-xl font-semibold">
            {t("receipt.title")}
          </h2>
          <PrintButton label={t("receipt.print")} />
        </div>
        <LabelledValues>
          <LabelledValue label={t("reference")}>{receipt.reference}</LabelledValue>
          <LabelledValue label={t("type")}>{types(`${receipt.type}.title`)}</LabelledValue>
          <LabelledValue label={dates.kind === "closed" ? t("outcome") : t("state")} testId="request-status">
            {t(`statuses.${request.status}`)}
            {request.urgent ? <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-sm font-normal text-red-900">{t("urgent")}</span> : null}
          </LabelledValue>
          <LabelledValue label={t("received")}>{when(receipt.receivedAt)}</LabelledValue>
          {dates.kind === "closed" ? (
            dates.closedAt ? <LabelledValue label={t("closedAt")}>{when(dates.closedAt)}</LabelledValue> : null
          ) : (
            <LabelledValue label={t("due")}>{dates.kind === "due" ? when(dates.dueAt) : t("noDue")}</LabelledValue>
          )}
          {request.onBehalf ? (
            <>
              <LabelledValue label={t("onBehalf.for")}>
                <bdi>{request.subjectName ?? ""}</bdi>
              </LabelledValue>
              <LabelledValue label={t("onBehalf.proof")}>{view.proofOfAuthorityReceived ? t("onBehalf.proofReceived") : t("onBehalf.proofMissing")}</LabelledValue>
            </>
          ) : null}
        </LabelledValues>
        <ClockNote clock={view.clock} t={t} />
      </Card>

      {denial ? <DenialExplained locale={locale} denial={denial} /> : null}

      <RequestSummary locale={locale} name={request.requesterName} details={view.details} comment={view.comment} />

      {view.deliveries.length > 0 ? (
        <Card as="section" aria-labelledby="deliveries-title" className="mt-6 max-w-3xl">
          <h2 id="deliveries-title" className="text-xl font-semibold">
            {t("deliveries.title")}
          </h2>
          <ul className="mt-3 space-y-2">
            {view.deliveries.map((file) => (
              <li key={file.id}>
                {file.available ? (
                  <a href={fileUrl(file.id)} className="text-brand-800 underline">
                    {t("deliveries.download", { filename: file.filename })}
                  </a>
                ) : (
                  <span>{t("deliveries.expired")}</span>
                )}
                {file.available && file.availableUntil ? <span className="ml-2 text-sm text-muted">{t("deliveries.availableUntil", { date: when(file.availableUntil) })}</span> : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <section aria-labelledby="messages-title" className="mt-8 max-w-3xl">
        <h2 id="messages-title" className="text-xl font-semibold">
          {t("messages.title")}
        </h2>
        {view.messages.length === 0 ? <p className="mt-2 text-muted">{t("messages.empty")}</p> : null}
        <ol className="mt-3 space-y-3">
          {view.messages.map((message) => (
            <li key={message.id}>
              <Card as="article" className={message.direction === "inbound" ? "border-l-4 border-l-slate-400" : "border-l-4 border-l-brand-700"}>
                <p className="text-sm text-muted">
                  <strong className="text-ink">{message.direction === "inbound" ? t("messages.fromYou") : t("messages.fromStaff")}</strong> · {when(message.createdAt)}
                </p>
                <p className="mt-2 whitespace-pre-wrap break-words">{message.body}</p>
                {message.files.length > 0 ? (
                  <ul className="mt-2 text-sm" aria-label={t("messages.attachments")}>
                    {message.files.map((file) => (
                      <li key={file.id}>
                        <a href={fileUrl(file.id)} className="text-brand-800 underline">
                          {t("messages.download", { filename: file.filename })}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </Card>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="reply-title" className="mt-8 max-w-3xl">
        <h2 id="reply-title" className="text-xl font-semibold">
          {t("reply.title")}
        </h2>
        {view.canMessage ? (
          <ReplyForm token={token} locale={locale} messages={formMessages} />
        ) : <p className="mt-2">{t("reply.closed")}</p>}
      </section>

      <section aria-labelledby="timeline-title" className="mt-8 max-w-3xl">
        <h2 id="timeline-title" className="text-xl font-semibold">
          {t("timeline.title")}
        </h2>
        <ol className="mt-3 space-y-2 border-l-2 border-slate-300 pl-4">
          {view.timeline.map((event) => (
            <li key={event.id}>
              <span className="text-sm text-muted">{when(event.createdAt)}</span>
              <br />
              {t(`timeline.${isRequesterTimelineKind(event.kind) ? event.kind : "other"}`)}
              {event.kind === "status_changed" && event.data.to ? ` — ${t(`statuses.${event.data.to}`)}` : null}
            </li>
          ))}
        </ol>
      </section>

      {view.canWithdraw ? (
        <section aria-labelledby="withdraw-title" className="mt-8 max-w-3xl rounded-lg border border-red-200 bg-white p-5">
          <h2 id="withdraw-title" className="text-xl font-semibold">
            {t("withdraw.title")}
          </h2>
          <p className="mt-2">{t("withdraw.lead")}</p>
          <WithdrawForm token={token} locale={locale} messages={formMessages} />
        </section>
      ) : null}
    </Container>
  );
}

/** Why the reply date moved: the clock stops while we wait for the requester's answer. */
function ClockNote({ clock, t }: { clock: RequestStatusView["clock"]; t: PageTranslator<"status"> }) {
  if (!clock.pausedNow && !clock.stopped) return null;
  return (
    <div className="mt-3 space-y-1 text-sm" data-testid="clock-note">
      {clock.pausedNow ? <p>{t("clock.pausedNow")}</p> : null}
      {clock.stopped ? <p>{t("clock.stopped", { period: t(`clock.units.${clock.stopped.unit}`, { count: clock.stopped.amount }) })}</p> : null}
    </div>
  );
}
