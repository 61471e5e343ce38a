import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Fragment, type ReactNode } from "react";
import { buttonClasses } from "@/components/button-link";
import { Container } from "@/components/container";
import { AUDIT_ACTOR_TYPES, REQUEST_STATUSES, STAFF_ROLES } from "@/db/schema";
import { requireStaff } from "@/lib/auth/require-staff";
import { auditValueText, describeAuditData } from "@/lib/compliance/describe-audit-data";
import { listAuditFilterOptions } from "@/lib/compliance/list-audit-filter-options";
import { listAuditLog, type AuditLogItem } from "@/lib/compliance/list-audit-log";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { readyDb } from "@/db/ready";
import { isLabelledField } from "./audit-field-labels";
import { isLabelledAction } from "./audit-labels";
import { VerifyAuditForm } from "./verify-audit-form";
import { DataTable } from "@/components/data-table";
import { isOneOf } from "@/lib/text/is-one-of";
import { isUuid } from "@/lib/text/uuid";
import { firstValues } from "@/lib/text/search-params";
import { DatePickerField } from "@/components/form/date-picker-field";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FIELD = "mt-1 block min-h-10 w-full rounded-md border border-slate-400 bg-white px-2 py-1";

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Data keys that hold an inbound e-mail's id: shown as a link to that e-mail. */
const KEYS_OF_INBOUND_EMAIL = new Set(["inboundEmailId"]);


export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "audit" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function AuditLogPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = firstValues(await searchParams);
  const query = new URLSearchParams(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const me = await requireStaff({ locale, permission: "compliance.read", returnTo: `/${locale}/dashboard/audit${query.size ? `?${query}` : ""}` });
  const db = await readyDb();
  const [page, options] = await Promise.all([listAuditLog(db, raw, me), listAuditFilterOptions(db, me)]);
  const { filters } = page;
  const t = await getTranslations({ locale, namespace: "audit" });
  const statuses = await getTranslations({ locale, namespace: "staff.statuses" });
  const roles = await getTranslations({ locale, namespace: "staff.roles" });
  const format = await getFormatter({ locale });

  const withBefore = (before: number | undefined) => {
    const next = new URLSearchParams(query);
    if (before === undefined) next.delete("before");
    else next.set("before", String(before));
    const text = next.toString();
    return `/dashboard/audit${text ? `?${text}` : ""}`;
  };
  const actionLabel = (action: string) => (isLabelledAction(action) ? t(`actions.${action}`) : null);
  // Codes read as words: a status or role by its name, a staff id by the person's name, a request
  // id by its reference, a timestamp in the operator's time zone in this page's language.
  const value = (item: AuditLogItem, raw: unknown, key = ""): ReactNode => {
    if (raw === null || raw === undefined || raw === "") return <span className="text-muted">—</span>;
    if (typeof raw === "boolean") return raw ? t("details.yes") : t("details.no");
    if (typeof raw !== "string") return auditValueText(raw);
    if (item.action.startsWith("request.") && isOneOf(REQUEST_STATUSES, raw)) return statuses(raw);
    if (item.action.startsWith("staff.") && isOneOf(STAFF_ROLES, raw)) return roles(raw);
    if (isUuid(raw)) {
      const id = raw.toLowerCase();
      if (id in page.names.staff) return <bdi>{page.names.staff[id]}</bdi>;
      if (id in page.names.requests) {
        return (
          <Link href={`/dashboard/requests/${id}`} className="font-mono text-brand-800 underline">
            {page.names.requests[id] ?? id.slice(0, 8)}
          </Link>
        );
      }
      if (KEYS_OF_INBOUND_EMAIL.has(key)) {
        return (
          <Link href={`/dashboard/mail/${id}`} className="text-brand-800 underline">
            {t("who.email")}
          </Link>
        );
      }
      // An id with no page of its own (a message, an outgoing e-mail): short, the full one on hover.
      return (
        <code title={id} className="text-xs">
          {id.slice(0, 8)}
        </code>
      );
    }
    if (TIMESTAMP.test(raw) && !Number.isNaN(Date.parse(raw))) return <time dateTime={raw}>{format.dateTime(new Date(raw), { dateStyle: "long", timeStyle: "short" })}</time>;
    // A calendar date is a day, not an instant: shown as that day wherever the reader is.
    if (DAY.test(raw)) return <time dateTime={raw}>{format.dateTime(new Date(`${raw}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" })}</time>;
    return auditValueText(raw);
  };
  const fieldLabel = (field: string) => (isLabelledField(field) ? t(`details.fields.${field}`) : field);

  const who = (item: AuditLogItem) => {
    const { actor } = item;
    if (actor.type === "staff") return actor.staffName ?? t("who.unknownStaff");
    if (actor.type === "requester") return actor.requestReference ? t("who.requesterOf", { reference: actor.requestReference }) : t("who.requester");
    if (actor.type === "email") {
      return actor.id && isUuid(actor.id) ? (
        <Link href={`/dashboard/mail/${actor.id}`} className="text-brand-800 underline">
          {t("who.email")}
        </Link>
      ) : (
        t("who.email")
      );
    }
    return t("who.system");
  };

  const details = (item: AuditLogItem) => {
    const view = describeAuditData(item.action, item.data);
    // The person a staff event was about (whose role changed, who was disabled), unless it is the actor.
    const subject = item.entityType === "staff" && item.entityId && item.entityId !== item.actor.id ? page.names.staff[item.entityId] : undefined;
    if (view.changes.length === 0 && view.fields.length === 0 && !subject) return <span className="text-muted">{t("details.none")}</span>;
    return (
      <>
        {subject ? (
          <p>
            {t("details.staffMember")}: <bdi>{subject}</bdi>
          </p>
        ) : null}
        {view.changes.length > 0 ? (
          <ul aria-label={t("details.change")} className="space-y-1">
            {view.changes.map((change) => (
              <li key={change.field} className="min-w-0 break-words">
                <span className="font-medium">{fieldLabel(change.field)}:</span> {value(item, change.before)} → {value(item, change.after)}
              </li>
            ))}
          </ul>
        ) : null}
        {view.fields.length > 0 ? (
          <details className="mt-1">
            <summary className="cursor-pointer text-brand-800 underline">{t("details.data")}</summary>
            <dl className="mt-1 grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-1">
              {view.fields.map((field) => (
                <Fragment key={field.key}>
                  <dt className="break-words">{fieldLabel(field.key)}</dt>
                  <dd className="min-w-0 break-words">{value(item, field.value, field.key)}</dd>
                </Fragment>
              ))}
            </dl>
          </details>
        ) : null}
      </>
    );
  };

  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("lead")}</p>

      <section aria-labelledby="audit-verify-heading" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="audit-verify-heading" className="text-xl font-semibold">
          {t("verify.title")}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-muted">{t("verify.lead")}</p>
        <VerifyAuditForm />
      </section>

      {/* Keyed by the query so "Reset" (a client-side navigation) shows empty fields. */}
      <form key={query.toString()} method="get" role="search" aria-label={t("filters.label")} className="mt-6 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <div>
          <label htmlFor="audit-actor-type" className="font-medium">
            {t("filters.actorType")}
          </label>
          <select id="audit-actor-type" name="actorType" defaultValue={filters.actorType ?? ""} className={FIELD}>
            <option value="">{t("filters.anyActorType")}</option>
            {AUDIT_ACTOR_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`actorTypes.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-actor" className="font-medium">
            {t("filters.actor")}
          </label>
          <select id="audit-actor" name="actor" defaultValue={filters.actor ?? ""} className={FIELD}>
            <option value="">{t("filters.anyStaff")}</option>
            {options.staff.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name} ({member.email})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-request" className="font-medium">
            {t("filters.request")}
          </label>
          <input id="audit-request" name="request" type="search" defaultValue={filters.request ?? ""} aria-describedby="audit-request-hint" className={FIELD} />
          <p id="audit-request-hint" className="mt-1 text-muted">
            {t("filters.requestHint")}
          </p>
        </div>
        <div>
          <label htmlFor="audit-action" className="font-medium">
            {t("filters.action")}
          </label>
          <input id="audit-action" name="action" type="text" list="audit-action-codes" autoComplete="off" spellCheck={false} defaultValue={filters.action ?? ""} aria-describedby="audit-action-hint" className={`${FIELD} font-mono`} />
          <datalist id="audit-action-codes">
            {options.actions.map((action) => (
              <option key={action} value={action}>
                {actionLabel(action) ?? action}
              </option>
            ))}
          </datalist>
          <p id="audit-action-hint" className="mt-1 text-muted">
            {t("filters.actionHint")}
          </p>
        </div>
        <DatePickerField id="audit-from" name="from" label={t("filters.from")} defaultValue={filters.from ?? ""} className="" />
        <DatePickerField id="audit-to" name="to" label={t("filters.to")} defaultValue={filters.to ?? ""} className="" />
        <div className="flex gap-2 sm:col-span-2 lg:col-span-3">
          <button type="submit" className={buttonClasses("primary")}>
            {t("filters.apply")}
          </button>
          <Link href="/dashboard/audit" className={buttonClasses("secondary")}>
            {t("filters.reset")}
          </Link>
        </div>
      </form>

      {page.items.length === 0 ? (
        <p className="mt-6 text-muted">{t("empty")}</p>
      ) : (
        <DataTable className="mt-6" caption={t("table.caption")} columns={[t("table.time"), t("table.who"), t("table.action"), t("table.request"), t("table.details")]}>
          <tbody>
            {page.items.map((item) => {
              const label = actionLabel(item.action);
              return (
                <tr key={item.id} id={`audit-${item.id}`} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-4 whitespace-nowrap">
                    <time dateTime={item.occurredAt.toISOString()}>{format.dateTime(item.occurredAt, { dateStyle: "long", timeStyle: "medium" })}</time>
                    <span className="block text-muted">#{item.id}</span>
                  </td>
                  <td className="py-2 pr-4 break-words">{who(item)}</td>
                  <td className="py-2 pr-4">
                    {label ? (
                      <>
                        {label}
                        <code className="block text-xs text-muted">{item.action}</code>
                      </>
                    ) : (
                      <code>{item.action}</code>
                    )}
                  </td>
                  <td className="py-2 pr-4 font-mono whitespace-nowrap">
                    {item.request ? (
                      <Link href={`/dashboard/requests/${item.request.id}`} className="text-brand-800 underline">
                        {item.request.reference ?? item.request.id.slice(0, 8)}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="py-2 break-words">{details(item)}</td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
      <nav aria-label={t("paging.label")} className="mt-4 flex gap-4">
        {filters.before ? (
          <Link href={withBefore(undefined)} className="text-brand-800 underline">
            {t("paging.newest")}
          </Link>
        ) : null}
        {page.nextBefore ? (
          <Link href={withBefore(page.nextBefore)} className="text-brand-800 underline">
            {t("paging.older")}
          </Link>
        ) : null}
      </nav>
    </Container>
  );
}
