import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { Card } from "@/components/card";
import { Container } from "@/components/container";
import { getDevMailboxEmail } from "@/lib/email/dev-mailbox";
import { devMailboxEnabled } from "@/lib/env";
import { type Locale } from "@/lib/i18n/locales";
import Link from "next/link";
import { localePath } from "@/lib/i18n/locale-path";
import { readyDb } from "@/db/ready";
import { firstValues } from "@/lib/text/search-params";
import { mailboxHref, StatusBadge } from "../mailbox-parts";

// Depends on the visitor or the database at request time: never served from the page cache.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<{ to?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!devMailboxEnabled()) return {};
  const t = await getTranslations({ locale, namespace: "devMailbox" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** The plain-text part with its http(s) addresses made clickable; everything else stays text. */
function linkified(text: string): ReactNode[] {
  return text.split(/(https?:\/\/[^\s<>"]+)/g).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} className="text-brand-800 underline" rel="noreferrer">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-1 sm:grid-cols-[12rem_1fr]">
      <dt className="font-medium">{label}</dt>
      <dd className="break-all font-mono text-sm">{children}</dd>
    </div>
  );
}

export default async function DevMailboxEmailPage({ params, searchParams }: Props) {
  if (!devMailboxEnabled()) notFound();
  const { locale, id } = await params;
  setRequestLocale(locale);
  const to = firstValues(await searchParams).to?.trim() || undefined;
  const email = await getDevMailboxEmail(await readyDb(), id);
  if (!email) notFound();
  const t = await getTranslations({ locale, namespace: "devMailbox" });
  const format = await getFormatter({ locale });
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "medium" });

  return (
    <Container className="py-8">
      <p>
        <Link href={localePath(locale, mailboxHref(null, to))} className="text-brand-800 underline">
          ← {t("back")}
        </Link>
      </p>
      <h1 className="mt-4 text-2xl font-bold break-words" lang={email.locale}>
        {email.subject}
      </h1>
      <p className="mt-2 flex flex-wrap items-center gap-3 text-sm text-muted">
        <StatusBadge status={email.status} label={t(`status.${email.status}`)} />
        <time dateTime={email.createdAt.toISOString()}>{when(email.createdAt)}</time>
        <span className="font-mono">{email.template}</span>
      </p>

      <Card as="section" aria-labelledby="mail-headers" className="mt-6">
        <h2 id="mail-headers" className="text-lg font-semibold">
          {t("headers")}
        </h2>
        <dl className="mt-3">
          <Field label={t("fields.from")}>{email.fromAddress}</Field>
          <Field label={t("fields.to")}>{email.toAddress}</Field>
          {email.replyTo ? <Field label={t("fields.replyTo")}>{email.replyTo}</Field> : null}
          <Field label={t("fields.subject")}>{email.subject}</Field>
          {email.attachments.length > 0 ? (
            <Field label={t("fields.attachments")}>
              <ul data-testid="email-attachments">
                {email.attachments.map((file, index) => (
                  <li key={index}>
                    {file.filename} ({file.contentType}, {Math.ceil(file.sizeBytes / 1024)} KB)
                  </li>
                ))}
              </ul>
            </Field>
          ) : null}
          <Field label={t("fields.messageId")}>{email.messageId}</Field>
          {Object.entries(email.headers).map(([name, value]) => (
            <Field key={name} label={name}>
              {value}
            </Field>
          ))}
          <Field label={t("fields.locale")}>{email.locale}</Field>
          <Field label={t("fields.attempts")}>{email.attempts}</Field>
          {email.transport ? <Field label={t("fields.transport")}>{email.transport}</Field> : null}
          {email.sentAt ? <Field label={t("fields.sentAt")}>{when(email.sentAt)}</Field> : null}
          {email.lastError ? <Field label={t("fields.lastError")}>{email.lastError}</Field> : null}
        </dl>
      </Card>

      <Card as="section" aria-labelledby="mail-text" className="mt-6">
        <h2 id="mail-text" className="text-lg font-semibold">
          {t("textBody")}
        </h2>
        <pre lang={email.locale} data-testid="email-text" className="mt-3 whitespace-pre-wrap break-words font-mono text-sm">
          {linkified(email.textBody)}
        </pre>
      </Card>

      <Card as="section" aria-labelledby="mail-html" className="mt-6">
        <h2 id="mail-html" className="text-lg font-semibold">
          {t("htmlBody")}
        </h2>
        {/* sandbox="" — no scripts, forms, popups or same-origin access for the email's HTML. */}
        <iframe
          sandbox=""
          srcDoc={email.htmlBody}
          title={t("htmlFrameTitle", { subject: email.subject })}
          className="mt-3 h-[36rem] w-full rounded border border-slate-300 bg-white"
        />
      </Card>
    </Container>
  );
}
