import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/require-staff";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { FILED_JURISDICTIONS } from "@/lib/requests/jurisdictions";
import { listQueue } from "@/lib/requests/list-queue";
import { REQUEST_TYPES } from "@/lib/requests/request-types";
import { listQueuePeople } from "@/lib/requests/staff/queue-people";
import { readQueueSearch, referenceFromUrl } from "@/lib/requests/staff/queue-search";
import { DEFAULT_QUEUE_VIEW, QUEUE_VIEWS, viewStatuses, type QueueView } from "@/lib/requests/staff/queue-views";
import { readyDb } from "@/db/ready";
import { firstValues } from "@/lib/text/search-params";
import { BulkAssignBar } from "./_queue/bulk-assign-bar";
import { FilterToolbar, type ToolbarFilter } from "./_queue/filter-toolbar";
import { QueueKeys } from "./_queue/queue-keys";
import { QueueTable } from "./_queue/queue-table";
import { ViewTabs } from "./_queue/view-tabs";
import { timeLeftTexts } from "./deadline-texts";
import { QueueSearchNotice } from "./queue-search-notice";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.queue" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function QueuePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = firstValues(await searchParams);
  // Only a reference may ride in the URL (lib/requests/staff/queue-search.ts); any other q is dropped.
  raw.q = referenceFromUrl(raw.q);
  const query = new URLSearchParams(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const me = await requireStaff({ locale, permission: "requests.read", returnTo: `/${locale}/dashboard${query.size ? `?${query}` : ""}` });
  const t = await getTranslations({ locale, namespace: "staff.queue" });
  const types = await getTranslations({ locale, namespace: "requestTypes" });
  const statuses = await getTranslations({ locale, namespace: "staff.statuses" });
  const jurisdictions = await getTranslations({ locale, namespace: "intake.options.jurisdiction" });
  const mail = await getTranslations({ locale, namespace: "mail.onRequest" });
  const timeLeft = await timeLeftTexts(locale);
  const now = new Date();
  const db = await readyDb();
  const search = await readQueueSearch(raw);
  const [page, people] = await Promise.all([listQueue(db, { ...raw, q: search }, me, now), listQueuePeople(db)]);
  const { filters } = page;
  const mayWork = can(me.role, "requests.work");

  const withParams = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(query);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) next.delete(key);
      else next.set(key, value);
    }
    const text = next.toString();
    return `/dashboard${text ? `?${text}` : ""}`;
  };
  // A view is a saved set of filters: changing it starts from its own (a reference searched for stays).
  // While a search is on, even the default view is named: a search alone looks in "all".
  const viewHref = (view: QueueView) => {
    const next = new URLSearchParams();
    if (view !== DEFAULT_QUEUE_VIEW || search) next.set("view", view);
    if (raw.q) next.set("q", raw.q);
    return `/dashboard${next.size ? `?${next}` : ""}`;
  };
  const selectableStatuses = viewStatuses(filters.view).selectable;
  const toolbar: ToolbarFilter[] = [
    ...(selectableStatuses.length > 1
      ? [{ name: "status", label: t("status"), multiple: true, selected: filters.status.filter((s) => selectableStatuses.includes(s)), options: selectableStatuses.map((s) => ({ value: s, label: statuses(s) })) }]
      : []),
    { name: "type", label: t("type"), multiple: true, selected: filters.type, options: REQUEST_TYPES.map((type) => ({ value: type, label: types(`${type}.title`) })) },
    { name: "jurisdiction", label: t("jurisdiction"), multiple: true, selected: filters.jurisdiction, options: FILED_JURISDICTIONS.map((j) => ({ value: j, label: jurisdictions(j) })) },
    {
      name: "assignee",
      label: t("assignee"),
      multiple: false,
      selected: filters.assignee ? [filters.assignee] : [],
      options: [
        { value: "mine", label: t("mine") },
        { value: "unassigned", label: t("unassigned") },
      ],
    },
  ];
  const peopleById = new Map(people.map((person) => [person.id, person.name]));

  return (
    <div className="min-w-0 px-4 py-6 sm:px-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>

      <ViewTabs
        current={filters.view}
        counts={page.viewCounts}
        label={t("views.label")}
        names={Object.fromEntries(QUEUE_VIEWS.map((view) => [view, t(`views.${view}`)])) as Record<QueueView, string>}
        atLeast={(count) => t("countAtLeast", { count })}
        hrefOf={viewHref}
      />

      {search ? <QueueSearchNotice locale={locale} term={search} /> : null}

      <div className="mt-4 min-w-0">
        <FilterToolbar filters={toolbar} />
      </div>

      {mayWork ? <BulkAssignBar locale={locale} colleagues={people.filter((person) => person.assignable && person.id !== me.id)} /> : <QueueKeys />}

      {page.items.length === 0 ? (
        <p className="mt-6 text-muted">{t("emptyView")}</p>
      ) : (
        <QueueTable
          items={page.items}
          now={now}
          people={peopleById}
          selectable={mayWork}
          texts={{
            caption: t("title"),
            columns: { reference: t("reference"), type: t("type"), requester: t("requester"), assignee: t("assignee"), status: t("status"), timeLeft: t("timeLeft") },
            selectAll: t("bulk.selectAll"),
            selectRow: (reference) => t("bulk.selectRow", { reference }),
            typeName: (type) => types(`${type}.title`),
            statusName: (status) => statuses(status),
            timeLeft,
            marks: { urgent: t("urgent"), duplicate: t("duplicate"), bounced: mail("deliveryProblem"), clockStopped: t("clockStopped") },
            nobody: t("nobody"),
          }}
        />
      )}
      {mayWork ? <p className="mt-3 hidden text-sm text-muted sm:block">{t("keyboardHint")}</p> : null}
      <p className="mt-4 flex gap-4">
        {filters.after ? (
          <Link href={withParams({ after: undefined })} className="text-brand-800 underline">
            {t("first")}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={withParams({ after: page.nextCursor })} className="text-brand-800 underline">
            {t("next")}
          </Link>
        ) : null}
      </p>
    </div>
  );
}
