import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Container } from "@/components/container";
import { REQUEST_STATUSES } from "@/db/schema";
import { requireStaff } from "@/lib/auth/require-staff";
import { AUDIT_LOG_COLUMNS } from "@/lib/compliance/export-audit-log";
import { REQUEST_LOG_COLUMNS } from "@/lib/compliance/export-request-log";
import { getEnv } from "@/lib/env";
import { type Locale } from "@/lib/i18n/locales";
import { REQUEST_TYPES } from "@/lib/requests/request-types";
import { FILED_JURISDICTIONS } from "@/lib/requests/jurisdictions";
import { ExportForm } from "./export-form";
import { DataTable } from "@/components/data-table";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "exports" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function ExportsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireStaff({ locale, permission: "compliance.read", returnTo: `/${locale}/dashboard/exports` });
  const t = await getTranslations({ locale, namespace: "exports" });
  const types = await getTranslations({ locale, namespace: "requestTypes" });
  const statuses = await getTranslations({ locale, namespace: "staff.statuses" });
  const jurisdictions = await getTranslations({ locale, namespace: "intake.options.jurisdiction" });

  const logs = [
    { log: "requests" as const, columns: REQUEST_LOG_COLUMNS, describe: (key: string) => t(`columns.requests.${key as "reference"}`) },
    { log: "audit" as const, columns: AUDIT_LOG_COLUMNS, describe: (key: string) => t(`columns.audit.${key as "id"}`) },
  ];

  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("lead")}</p>

      <ExportForm
        timeZone={getEnv().OPERATOR_TIME_ZONE}
        types={REQUEST_TYPES.map((type) => ({ value: type, label: types(`${type}.title`) }))}
        statuses={REQUEST_STATUSES.map((status) => ({ value: status, label: statuses(status) }))}
        jurisdictions={FILED_JURISDICTIONS.map((j) => ({ value: j, label: jurisdictions(j) }))}
      />

      <section aria-labelledby="export-columns" className="mt-10">
        <h2 id="export-columns" className="text-xl font-semibold">{t("columns.title")}</h2>
        <p className="mt-2 max-w-3xl text-sm text-muted">{t("columns.lead")}</p>
        <div className="mt-4 grid grid-cols-1 gap-8 lg:grid-cols-2">
          {logs.map(({ log, columns, describe }) => (
            <DataTable key={log} caption={t(`form.logs.${log}`)} captionClassName="mb-2 text-left text-base font-semibold" columns={[t("columns.key"), t("columns.meaning")]}>
              <tbody>
                {columns.map((column) => (
                  <tr key={column.key} className="border-b border-slate-200 align-top">
                    <th scope="row" className="py-2 pr-4 font-mono font-normal">{column.key}</th>
                    <td className="py-2">{describe(column.key)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          ))}
        </div>
      </section>
    </Container>
  );
}
