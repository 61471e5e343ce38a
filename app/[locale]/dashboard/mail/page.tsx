import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { buttonClasses } from "@/components/button-link";
import { Container } from "@/components/container";
import { requireStaff } from "@/lib/auth/require-staff";
import type { Locale } from "@/lib/i18n/locales";
import { INBOUND_STATUS_CODES } from "@/lib/inbound/inbound-staff-schemas";
import { listInboundEmails } from "@/lib/inbound/list-inbound-emails";
import { Link } from "@/lib/i18n/navigation";
import { readyDb } from "@/db/ready";
import { DataTable } from "@/components/data-table";
import { firstValues } from "@/lib/text/search-params";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const ERROR_CHARS = 200;
/** A long error (a stack of causes) is read in full on the e-mail's own page. */
const shorten = (text: string) => (text.length > ERROR_CHARS ? `${text.slice(0, ERROR_CHARS - 1)}…` : text);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "mail.list" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function MailListPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = firstValues(await searchParams);
  const query = new URLSearchParams(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  await requireStaff({ locale, permission: "mail.read", returnTo: `/${locale}/dashboard/mail${query.size ? `?${query}` : ""}` });
  const page = await listInboundEmails(await readyDb(), { status: raw.status, cursor: raw.cursor });
  const t = await getTranslations({ locale, namespace: "mail" });
  const format = await getFormatter({ locale });
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });
  const pageLink = (cursor?: string) => {
    const next = new URLSearchParams({ status: page.filter, ...(cursor ? { cursor } : {}) });
    return `/dashboard/mail?${next}`;
  };

  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("list.title")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("list.lead")}</p>

      <form key={page.filter} method="get" className="mt-6 flex flex-wrap items-end gap-3 text-sm">
        <div className="min-w-0 max-w-full">
          <label htmlFor="mail-status" className="block font-medium">
            {t("list.filter")}
          </label>
          <select id="mail-status" name="status" defaultValue={page.filter} className="mt-1 block min-h-10 w-full max-w-full rounded-md border border-slate-400 bg-white px-2 py-1">
            <option value="needs_attention">{t("list.needsAttention")}</option>
            <option value="all">{t("list.all")}</option>
            {INBOUND_STATUS_CODES.map((status) => (
              <option key={status} value={status}>
                {t(`statuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          {t("list.apply")}
        </button>
      </form>

      {page.items.length === 0 ? (
        <p className="mt-6 text-muted">{page.filter === "needs_attention" ? t("list.emptyAttention") : t("list.empty")}</p>
      ) : (
        <DataTable className="mt-6" caption={t("list.title")} columns={[t("list.received"), t("list.from"), t("list.subject"), t("list.status"), t("list.error")]}>
          <tbody>
            {page.items.map((item) => (
              <tr key={item.id} className="border-b border-slate-200 align-top">
                <td className="py-2 pr-4 whitespace-nowrap">{when(item.receivedAt)}</td>
                <td className="py-2 pr-4 break-all">
                  {item.fromName ? (
                    <>
                      {item.fromName}
                      <br />
                    </>
                  ) : null}
                  <span className={item.fromName ? "text-muted" : undefined}>{item.fromAddress ?? t("list.unknownSender")}</span>
                </td>
                <td className="py-2 pr-4 break-words">
                  <Link href={`/dashboard/mail/${item.id}`} className="text-brand-800 underline">
                    {item.subject ?? t("list.noSubject")}
                  </Link>
                </td>
                <td className="py-2 pr-4">
                  <span className={item.status === "failed" ? "font-semibold text-red-800" : undefined}>{t(`statuses.${item.status}`)}</span>
                  {item.kind ? <span className="block text-muted">{t(`kinds.${item.kind}`)}</span> : null}
                  {item.status === "unmatched" && item.unmatchedReason === "sender_not_verified" ? (
                    <span className="block font-medium text-amber-900">{t("list.senderNotVerified")}</span>
                  ) : null}
                  {item.status === "failed" ? <span className="block text-muted">{t("list.attempts", { count: item.attempts })}</span> : null}
                  {item.reference ? <span className="block text-muted">{t("list.onRequest", { reference: item.reference })}</span> : null}
                </td>
                <td className="py-2 break-words text-red-800">{item.error ? shorten(item.error) : ""}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <p className="mt-4 flex gap-4">
        {raw.cursor ? (
          <Link href={pageLink()} className="text-brand-800 underline">
            {t("list.first")}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={pageLink(page.nextCursor)} className="text-brand-800 underline">
            {t("list.next")}
          </Link>
        ) : null}
      </p>
    </Container>
  );
}
