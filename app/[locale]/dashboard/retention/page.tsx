import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Card } from "@/components/card";
import { Container } from "@/components/container";
import { requireStaff } from "@/lib/auth/require-staff";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getRetentionOverview, HELD_LIST_LIMIT } from "@/lib/retention/get-retention-overview";
import { readyDb } from "@/db/ready";
import { RetentionForm } from "./retention-form";
import { DataTable } from "@/components/data-table";
import { isOneOf } from "@/lib/text/is-one-of";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "retention" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

const STATUSES = ["unverified", "expired", "new", "in_progress", "awaiting_requester", "on_hold", "completed", "denied", "withdrawn"] as const;

/** Admins: how long closed requests keep personal data, what is due, and every request under legal hold. */
export default async function RetentionPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await requireStaff({ locale, permission: "retention.manage", returnTo: `/${locale}/dashboard/retention` });
  const overview = await getRetentionOverview(await readyDb(), me);
  const t = await getTranslations({ locale, namespace: "retention" });
  const types = await getTranslations({ locale, namespace: "requestTypes" });
  const statuses = await getTranslations({ locale, namespace: "staff.statuses" });
  const format = await getFormatter({ locale });
  const date = (value: Date) => format.dateTime(value, { dateStyle: "long" });
  const { policy } = overview;

  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("lead")}</p>

      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card as="section" aria-labelledby="retention-period-title">
          <h2 id="retention-period-title" className="text-xl font-semibold">
            {t("period.title")}
          </h2>
          <p className="mt-2" data-testid="retention-period">
            {t("period.current", { amount: policy.amount, unit: policy.unit })}
          </p>
          <p className="mt-1 text-sm text-muted">
            {policy.updatedAt
              ? t("period.changed", { date: date(policy.updatedAt), name: overview.updatedByName ?? "—" })
              : t("period.default")}
          </p>
          <RetentionForm current={{ amount: policy.amount, unit: policy.unit }} />
        </Card>

        <Card as="section" aria-labelledby="retention-status-title">
          <h2 id="retention-status-title" className="text-xl font-semibold">
            {t("status.title")}
          </h2>
          <dl className="mt-3 grid grid-cols-[1fr_max-content] gap-x-4 gap-y-2">
            <dt>{t("status.due")}</dt>
            <dd className="text-right font-semibold" data-testid="retention-due">
              {overview.dueCount}
            </dd>
            <dt>{t("status.onHold")}</dt>
            <dd className="text-right font-semibold" data-testid="retention-on-hold">
              {overview.onHoldCount}
            </dd>
            <dt>{t("status.anonymised")}</dt>
            <dd className="text-right font-semibold">{overview.anonymisedCount}</dd>
          </dl>
          <p className="mt-3 text-sm text-muted">{t("status.cutoff", { date: date(overview.cutoff) })}</p>
          <h3 className="mt-4 font-semibold">{t("status.whatTitle")}</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
            <li>{t("status.removed")}</li>
            <li>{t("status.kept")}</li>
            <li>{t("status.hold")}</li>
          </ul>
        </Card>
      </div>

      <section aria-labelledby="retention-held-title" className="mt-8">
        <h2 id="retention-held-title" className="text-xl font-semibold">
          {t("held.title")}
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-muted">{t("held.lead")}</p>
        {overview.held.length === 0 ? (
          <p className="mt-3">{t("held.empty")}</p>
        ) : (
          <>
            <DataTable className="mt-3" caption={t("held.title")} columns={[t("held.reference"), t("held.type"), t("held.status"), t("held.placed"), t("held.reason")]}>
              <tbody>
                {overview.held.map((request) => (
                  <tr key={request.id} className="border-b border-slate-200 align-top">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      <Link href={`/dashboard/requests/${request.id}`} className="text-brand-800 underline">
                        {request.reference ?? request.id}
                      </Link>
                    </th>
                    <td className="py-2 pr-4">{types(`${request.type}.title`)}</td>
                    <td className="py-2 pr-4">
                      {isOneOf(STATUSES, request.status) ? statuses(request.status) : request.status}
                      {request.closedAt ? <span className="block text-muted">{t("held.closed", { date: date(request.closedAt) })}</span> : null}
                      {request.pastRetention ? <span className="block font-medium text-amber-900">{t("held.pastRetention")}</span> : null}
                    </td>
                    <td className="py-2 pr-4">{request.setAt ? t("held.placedBy", { date: date(request.setAt), name: request.setByName ?? "—" }) : "—"}</td>
                    <td className="py-2 break-words whitespace-pre-wrap">{request.reason ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
            {overview.held.length === HELD_LIST_LIMIT ? <p className="mt-2 text-sm text-muted">{t("held.limited", { count: HELD_LIST_LIMIT })}</p> : null}
          </>
        )}
      </section>
    </Container>
  );
}
