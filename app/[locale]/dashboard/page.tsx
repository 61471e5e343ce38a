import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { buttonClasses } from "@/components/button-link";
import { Container } from "@/components/container";
import { REQUEST_STATUSES } from "@/db/schema";
import { requireStaff } from "@/lib/auth/require-staff";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { listQueue, queueFiltersSchema } from "@/lib/requests/list-queue";
import { REQUEST_TYPES } from "@/lib/requests/request-types";
import { readyDb } from "@/db/ready";
import { FILED_JURISDICTIONS } from "@/lib/requests/jurisdictions";
import { DataTable } from "@/components/data-table";
import { firstValues } from "@/lib/text/search-params";
import { readQueueSearch, referenceFromUrl } from "@/lib/requests/staff/queue-search";
import { QueueSearchNotice } from "./queue-search-notice";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.queue" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** One of the queue's filters: a GET form field whose empty option means "any". */
function FilterSelect({ name, label, value, anyLabel, options }: { name: string; label: string; value: string | undefined; anyLabel: string; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={name} className="font-medium">
        {label}
      </label>
      <select id={name} name={name} defaultValue={value ?? ""} className="mt-1 block min-h-10 rounded-md border border-slate-400 bg-white px-2 py-1">
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default async function QueuePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = firstValues(await searchParams);
  // Only a reference may ride in the URL (lib/requests/staff/queue-search.ts); any other q is dropped.
  raw.q = referenceFromUrl(raw.q);
  const query = new URLSearchParams(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const me = await requireStaff({ locale, permission: "requests.read", returnTo: `/${locale}/dashboard${query.size ? `?${query}` : ""}` });
  const filters = queueFiltersSchema.parse(raw);
  const t = await getTranslations({ locale, namespace: "staff" });
  const types = await getTranslations({ locale, namespace: "requestTypes" });
  const statuses = await getTranslations({ locale, namespace: "staff.statuses" });
  const jurisdictions = await getTranslations({ locale, namespace: "intake.options.jurisdiction" });
  const mail = await getTranslations({ locale, namespace: "mail.onRequest" });
  const format = await getFormatter({ locale });
  const now = new Date();
  const search = await readQueueSearch(raw);
  const page = await listQueue(await readyDb(), { ...raw, q: search }, me, now);
  const withParams = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(query);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) next.delete(key);
      else next.set(key, value);
    }
    const text = next.toString();
    return `/dashboard${text ? `?${text}` : ""}`;
  };

  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("queue.title")}</h1>

      <nav aria-label={t("queue.counts")} className="mt-4">
        <ul className="flex flex-wrap gap-2 text-sm">
          {REQUEST_STATUSES.filter((status) => page.counts[status]).map((status) => (
            <li key={status}>
              <Link
                href={withParams({ status, after: undefined })}
                aria-current={filters.status === status ? "true" : undefined}
                className={`inline-block rounded-full border px-3 py-1 ${filters.status === status ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-ink"}`}
              >
                {statuses(status)}: <strong>{page.countCap !== null && page.counts[status]! >= page.countCap ? t("queue.countAtLeast", { count: page.countCap }) : page.counts[status]}</strong>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {search ? <QueueSearchNotice locale={locale} term={search} /> : null}

      {/* Keyed by the query so "Reset" and status links (client-side navigations) show the new filters. */}
      <form key={query.toString()} method="get" role="search" aria-label={t("queue.filters")} className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
        {raw.q ? <input type="hidden" name="q" value={raw.q} /> : null}
        <FilterSelect name="status" label={t("queue.status")} value={filters.status} anyLabel={t("queue.anyStatus")} options={REQUEST_STATUSES.map((status) => ({ value: status, label: statuses(status) }))} />
        <FilterSelect name="type" label={t("queue.type")} value={filters.type} anyLabel={t("queue.anyType")} options={REQUEST_TYPES.map((type) => ({ value: type, label: types(`${type}.title`) }))} />
        <FilterSelect
          name="assignee"
          label={t("queue.assignee")}
          value={filters.assignee}
          anyLabel={t("queue.anyone")}
          options={[
            { value: "mine", label: t("queue.mine") },
            { value: "unassigned", label: t("queue.unassigned") },
          ]}
        />
        <FilterSelect
          name="jurisdiction"
          label={t("queue.jurisdiction")}
          value={filters.jurisdiction}
          anyLabel={t("queue.anyJurisdiction")}
          options={FILED_JURISDICTIONS.map((j) => ({ value: j, label: jurisdictions(j) }))}
        />
        <FilterSelect
          name="due"
          label={t("queue.dueFilter")}
          value={filters.due}
          anyLabel={t("queue.anyDue")}
          options={[
            { value: "soon", label: t("queue.dueSoon") },
            { value: "overdue", label: t("queue.overdue") },
          ]}
        />
        <div className="flex items-center gap-2 self-end">
          <input id="urgent" name="urgent" type="checkbox" value="1" defaultChecked={filters.urgent} className="h-5 w-5 accent-brand-700" />
          <label htmlFor="urgent">{t("queue.urgentOnly")}</label>
        </div>
        <div className="flex items-center gap-2 self-end">
          <input id="unverified" name="unverified" type="checkbox" value="1" defaultChecked={filters.unverified} className="h-5 w-5 accent-brand-700" />
          <label htmlFor="unverified">{t("queue.showUnverified")}</label>
        </div>
        <div className="flex gap-2 self-end">
          <button type="submit" className={buttonClasses("primary")}>{t("queue.apply")}</button>
          <Link href="/dashboard" className={buttonClasses("secondary")}>{t("queue.reset")}</Link>
        </div>
      </form>

      {page.items.length === 0 ? (
        <p className="mt-6 text-muted">{t("queue.empty")}</p>
      ) : (
        <DataTable className="mt-6" caption={t("queue.title")} columns={[t("queue.reference"), t("queue.type"), t("queue.status"), t("queue.requester"), t("queue.due")]}>
          <tbody>
            {page.items.map((item) => {
              const overdue = item.dueAt && item.dueAt <= now && ["new", "in_progress", "awaiting_requester", "on_hold"].includes(item.status);
              return (
                <tr key={item.id} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-4 font-mono">
                    <Link href={`/dashboard/requests/${item.id}`} className="text-brand-800 underline">
                      {item.reference ?? item.id.slice(0, 8)}
                    </Link>
                    {item.urgent ? <span className="ml-2 rounded bg-red-100 px-1 font-sans text-red-900">{t("queue.urgent")}</span> : null}
                    {item.duplicateOfId ? <span className="ml-2 rounded bg-amber-100 px-1 font-sans text-amber-900">{t("queue.duplicate")}</span> : null}
                    {item.deliveryProblem ? <span className="ml-2 rounded bg-red-100 px-1 font-sans text-red-900">{mail("deliveryProblem")}</span> : null}
                  </td>
                  <td className="py-2 pr-4">{types(`${item.type}.title`)}</td>
                  <td className="py-2 pr-4">{statuses(item.status)}</td>
                  <td className="py-2 pr-4 break-all">
                    {/* bdi: a name's own direction cannot reorder the cells' text around it. */}
                    <bdi>{item.requesterName}</bdi>
                    <br />
                    <bdi className="text-muted">{item.requesterEmail}</bdi>
                  </td>
                  <td className="py-2">
                    {item.dueAt ? format.dateTime(item.dueAt, { dateStyle: "long", timeStyle: "short" }) : "—"}
                    {overdue ? <span className="ml-2 rounded bg-red-700 px-1 text-white">{t("queue.overdueBadge")}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
      <p className="mt-4 flex gap-4">
        {filters.after ? (
          <Link href={withParams({ after: undefined })} className="text-brand-800 underline">{t("queue.first")}</Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={withParams({ after: page.nextCursor })} className="text-brand-800 underline">{t("queue.next")}</Link>
        ) : null}
      </p>
    </Container>
  );
}
