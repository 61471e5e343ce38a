import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/button-link";
import { Container } from "@/components/container";
import { listDevMailbox } from "@/lib/email/dev-mailbox";
import { devMailboxEnabled } from "@/lib/env";
import { type Locale } from "@/lib/i18n/locales";
import Link from "next/link";
import { localePath } from "@/lib/i18n/locale-path";
import { readyDb } from "@/db/ready";
import { firstValues } from "@/lib/text/search-params";
import { mailboxHref, StatusBadge } from "./mailbox-parts";
import { ScrollFrame } from "@/components/scroll-frame";

// Depends on the visitor or the database at request time: never served from the page cache.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ to?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!devMailboxEnabled()) return {};
  const t = await getTranslations({ locale, namespace: "devMailbox" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** The development mailbox: every outbox email, newest first, filterable with ?to=address. */
export default async function DevMailboxPage({ params, searchParams }: Props) {
  if (!devMailboxEnabled()) notFound();
  const { locale } = await params;
  setRequestLocale(locale);
  const to = firstValues(await searchParams).to?.trim() || undefined;
  const t = await getTranslations({ locale, namespace: "devMailbox" });
  const format = await getFormatter({ locale });
  const emails = await listDevMailbox(await readyDb(), { to });

  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("lead")}</p>

      <form method="get" role="search" className="mt-6 flex flex-wrap items-end gap-3">
        <div className="flex flex-col">
          <label htmlFor="mailbox-to" className="font-medium">
            {t("filterLabel")}
          </label>
          <input
            id="mailbox-to"
            name="to"
            type="email"
            defaultValue={to ?? ""}
            autoComplete="off"
            className="mt-1 min-h-11 w-72 max-w-full rounded-md border border-slate-400 px-3 py-2"
          />
        </div>
        <button type="submit" className={buttonClasses("primary")}>
          {t("filterSubmit")}
        </button>
        {to ? (
          <Link href={localePath(locale, "/dev/mailbox")} className={buttonClasses("secondary")}>
            {t("filterClear")}
          </Link>
        ) : null}
      </form>

      <p className="mt-6 text-sm text-muted" role="status">
        {emails.length === 0 ? t("empty") : t("shown", { count: emails.length })}
      </p>

      {emails.length > 0 ? (
        <ScrollFrame className="mt-3">
          <table className="w-full border-collapse text-left text-sm" data-testid="dev-mailbox">
            <caption className="sr-only">{t("title")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{t("columns.createdAt")}</th>
                <th scope="col" className="py-2 pr-4">{t("columns.to")}</th>
                <th scope="col" className="py-2 pr-4">{t("columns.subject")}</th>
                <th scope="col" className="py-2 pr-4">{t("columns.template")}</th>
                <th scope="col" className="py-2">{t("columns.status")}</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id} className="border-b border-slate-200 align-top">
                  <td className="whitespace-nowrap py-2 pr-4">
                    <time dateTime={email.createdAt.toISOString()}>
                      {format.dateTime(email.createdAt, { dateStyle: "long", timeStyle: "medium" })}
                    </time>
                  </td>
                  <td className="py-2 pr-4 break-all">{email.toAddress}</td>
                  <td className="py-2 pr-4">
                    <Link href={localePath(locale, mailboxHref(email.id, to))} className="text-brand-800 underline">
                      {email.subject}
                    </Link>
                  </td>
                  <td className="py-2 pr-4 font-mono">{email.template}</td>
                  <td className="py-2">
                    <StatusBadge status={email.status} label={t(`status.${email.status}`)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      ) : null}
    </Container>
  );
}
