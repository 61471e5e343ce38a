import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/button-link";
import { Card } from "@/components/card";
import { MonthlyBarChart } from "./monthly-bar-chart";
import { Container } from "@/components/container";
import { DENIAL_REASONS } from "@/db/schema";
import { requireStaff } from "@/lib/auth/require-staff";
import { calendarYearPeriod, lastTwelveMonths, yearIn } from "@/lib/compliance/report-period";
import { CCPA_SCOPES, loadCcpaTable, loadComplianceReport, loadReportYears, OUTCOMES, type CcpaScope, type TypeFigures } from "@/lib/compliance/reports";
import { getEnv } from "@/lib/env";
import { type Locale } from "@/lib/i18n/locales";
import { REQUEST_TYPES } from "@/lib/requests/request-types";
import { readyDb } from "@/db/ready";
import { firstValues } from "@/lib/text/search-params";
import { isOneOf } from "@/lib/text/is-one-of";
import { ScrollFrame } from "@/components/scroll-frame";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "reports" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

const cell = "py-2 pr-4 text-right tabular-nums";
const headCell = "py-2 pr-4 text-right";

/** A labelled select for the period forms (GET, so a report is a link that can be shared). */
function YearSelect({ name, label, value, options }: { name: string; label: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={name} className="block font-medium">{label}</label>
      <select id={name} name={name} defaultValue={value} className="mt-1 block min-h-10 rounded-md border border-slate-400 bg-white px-2 py-1">
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </div>
  );
}

function Figure({ label, value, hint, alert = false }: { label: string; value: string; hint?: string; alert?: boolean }) {
  return (
    <Card>
      <dt className="text-sm text-muted">{label}</dt>
      <dd className={`mt-1 text-3xl font-bold tabular-nums ${alert ? "text-red-800" : ""}`}>{value}</dd>
      {hint ? <dd className="mt-1 text-xs text-muted">{hint}</dd> : null}
    </Card>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="text-xl font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export default async function ReportsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = firstValues(await searchParams);
  const query = new URLSearchParams(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  await requireStaff({ locale, permission: "compliance.read", returnTo: `/${locale}/dashboard/reports${query.size ? `?${query}` : ""}` });

  const db = await readyDb();
  const now = new Date();
  const timeZone = getEnv().OPERATOR_TIME_ZONE;
  const years = await loadReportYears(db, { now, timeZone });
  const chosenYear = (value: string | undefined) => (value && years.includes(Number(value)) ? Number(value) : null);
  const year = chosenYear(raw.year);
  const period = year ? calendarYearPeriod(year) : lastTwelveMonths(now, timeZone);
  // §7102 asks for the previous calendar year, so that is the default.
  const ccpaYear = chosenYear(raw.ccpaYear) ?? yearIn(now, timeZone) - 1;
  const scope: CcpaScope = isOneOf(CCPA_SCOPES, raw.scope) ? raw.scope : "all";
  const [report, ccpa] = await Promise.all([loadComplianceReport(db, { ...period, now, timeZone }), loadCcpaTable(db, { year: ccpaYear, scope, timeZone })]);

  const t = await getTranslations({ locale, namespace: "reports" });
  const denialReasons = await getTranslations({ locale, namespace: "dashboard.denialReasons" });
  const format = await getFormatter({ locale });
  const count = (value: number) => format.number(value);
  const percent = (value: number | null) => (value === null ? "—" : format.number(value, { style: "percent", maximumFractionDigits: 1 }));
  const days = (value: number | null) => (value === null ? "—" : format.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  // Month keys are calendar months, not instants: format the middle of the month in UTC.
  const monthDate = (key: string) => new Date(`${key}-15T12:00:00Z`);
  const monthName = (key: string, month: "short" | "long") => format.dateTime(monthDate(key), { month, timeZone: "UTC" });
  const monthYear = (key: string) => format.dateTime(monthDate(key), { month: "long", year: "numeric", timeZone: "UTC" });
  const periodLabel = year ? String(year) : t("period.lastTwelveRange", { from: monthYear(period.from), to: monthYear(period.to) });
  const typeName = (type: (typeof REQUEST_TYPES)[number]) => t(`types.${type}`);

  const busiest = report.months.reduce<{ month: string; total: number } | null>((best, entry) => {
    const total = Object.values(entry.counts).reduce((sum, value) => sum + value, 0);
    return total > (best?.total ?? 0) ? { month: entry.month, total } : best;
  }, null);
  const chartSummary = busiest
    ? t("chart.summary", { period: periodLabel, total: count(report.total.received), busiestMonth: monthYear(busiest.month), busiestCount: count(busiest.total) })
    : t("chart.summaryEmpty", { period: periodLabel });

  const keep = (names: string[]) =>
    names.filter((name) => query.get(name)).map((name) => <input key={name} type="hidden" name={name} value={query.get(name)!} />);
  const yearOptions = years.map((y) => ({ value: String(y), label: String(y) }));
  const figureRow = (label: ReactNode, figures: TypeFigures, key: string, total = false) => (
    <tr key={key} className={total ? "border-t-2 border-slate-400 font-semibold" : "border-b border-slate-200"}>
      <th scope="row" className={`py-2 pr-4 text-left ${total ? "font-semibold" : "font-normal"}`}>{label}</th>
      <td className={cell}>{count(figures.received)}</td>
      <td className={cell}>{count(figures.answered)}</td>
      <td className={cell}>{percent(figures.onTimeRate)}</td>
      <td className={cell}>{days(figures.medianDays)}</td>
      <td className="py-2 text-right tabular-nums">{days(figures.p90Days)}</td>
    </tr>
  );

  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("lead", { timeZone })}</p>

      <form method="get" aria-label={t("period.form")} className="mt-6 flex flex-wrap items-end gap-3 text-sm">
        <YearSelect name="year" label={t("period.label")} value={year ? String(year) : ""} options={[{ value: "", label: t("period.lastTwelve") }, ...yearOptions]} />
        {keep(["ccpaYear", "scope"])}
        <button type="submit" className={buttonClasses("secondary")}>{t("show")}</button>
      </form>

      <Section id="reports-summary" title={t("summary.title", { period: periodLabel })}>
        <dl className="mt-4 grid grid-cols-1 gap-3 min-[360px]:grid-cols-2 lg:grid-cols-4">
          <Figure label={t("summary.received")} value={count(report.total.received)} hint={t("summary.receivedHint")} />
          <Figure label={t("summary.onTimeRate")} value={percent(report.total.onTimeRate)} hint={t("summary.onTimeHint", { onTime: count(report.total.onTime), timed: count(report.total.timed) })} />
          <Figure label={t("summary.openNow")} value={count(report.current.open)} hint={t("summary.nowHint")} />
          <Figure label={t("summary.overdueNow")} value={count(report.current.overdue)} hint={t("summary.nowHint")} alert={report.current.overdue > 0} />
        </dl>
      </Section>

      <Section id="reports-monthly" title={t("chart.title")}>
        <p className="mt-1 text-sm text-muted">{periodLabel}</p>
        <div className="mt-3">
          <MonthlyBarChart
            id="reports-monthly-chart"
            summary={chartSummary}
            series={REQUEST_TYPES.map((type) => ({ key: type, label: typeName(type) }))}
            months={report.months.map((entry, index) => ({
              key: entry.month,
              shortLabel: monthName(entry.month, "short"),
              yearLabel: index === 0 || entry.month.endsWith("-01") ? entry.month.slice(0, 4) : undefined,
              fullLabel: monthYear(entry.month),
              values: REQUEST_TYPES.map((type) => entry.counts[type]),
            }))}
            formatNumber={count}
            labels={{ legend: t("chart.legend"), showTable: t("chart.showTable"), tableCaption: t("chart.tableCaption", { period: periodLabel }), month: t("chart.month"), total: t("total") }}
          />
        </div>
      </Section>

      <Section id="reports-timing" title={t("timing.title")}>
        <p className="mt-1 max-w-3xl text-sm text-muted">{t("timing.lead")}</p>
        <ScrollFrame className="mt-3" labelledBy="reports-timing">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("timing.caption", { period: periodLabel })}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{t("type")}</th>
                <th scope="col" className={headCell}>{t("timing.received")}</th>
                <th scope="col" className={headCell}>{t("timing.answered")}</th>
                <th scope="col" className={headCell}>{t("timing.onTime")}</th>
                <th scope="col" className={headCell}>{t("timing.median")}</th>
                <th scope="col" className="py-2 text-right">{t("timing.p90")}</th>
              </tr>
            </thead>
            <tbody>{REQUEST_TYPES.map((type) => figureRow(typeName(type), report.byType[type], type))}</tbody>
            <tfoot>{figureRow(t("allTypes"), report.total, "total", true)}</tfoot>
          </table>
        </ScrollFrame>
      </Section>

      <Section id="reports-outcomes" title={t("outcomes.title")}>
        <ScrollFrame className="mt-3" labelledBy="reports-outcomes">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("outcomes.caption", { period: periodLabel })}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{t("outcomes.outcome")}</th>
                {REQUEST_TYPES.map((type) => (
                  <th key={type} scope="col" className={headCell}>{typeName(type)}</th>
                ))}
                <th scope="col" className="py-2 text-right">{t("total")}</th>
              </tr>
            </thead>
            <tbody>
              {OUTCOMES.map((outcome) => (
                <tr key={outcome} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-4 text-left font-normal">{t(`outcomes.${outcome}`)}</th>
                  {REQUEST_TYPES.map((type) => (
                    <td key={type} className={cell}>{count(report.outcomes.byType[type][outcome])}</td>
                  ))}
                  <td className="py-2 text-right font-semibold tabular-nums">{count(report.outcomes.total[outcome])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>

        <h3 id="reports-denials" className="mt-6 text-lg font-semibold">{t("outcomes.denialsTitle")}</h3>
        <ScrollFrame className="mt-2" labelledBy="reports-denials">
          <table aria-labelledby="reports-denials" className="w-full max-w-xl border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{t("outcomes.reason")}</th>
                <th scope="col" className="py-2 text-right">{t("outcomes.count")}</th>
              </tr>
            </thead>
            <tbody>
              {DENIAL_REASONS.map((reason) => (
                <tr key={reason} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-4 text-left font-normal">{denialReasons(reason)}</th>
                  <td className="py-2 text-right tabular-nums">{count(report.outcomes.denialReasons[reason])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      </Section>

      <Section id="reports-ccpa" title={t("ccpa.title")}>
        <p className="mt-2 max-w-3xl text-sm">{t("ccpa.lead")}</p>
        <form method="get" aria-label={t("ccpa.form")} className="mt-4 flex flex-wrap items-end gap-3 text-sm">
          <YearSelect name="ccpaYear" label={t("ccpa.year")} value={String(ccpaYear)} options={yearOptions} />
          <YearSelect name="scope" label={t("ccpa.scope")} value={scope} options={CCPA_SCOPES.map((value) => ({ value, label: t(`ccpa.scopes.${value}`) }))} />
          {keep(["year"])}
          <button type="submit" className={buttonClasses("secondary")}>{t("show")}</button>
        </form>

        <ScrollFrame className="mt-4" label={t("ccpa.caption", { year: String(ccpa.year), scope: t(`ccpa.scopes.${ccpa.scope}`) })}>
          <table className="w-full border-collapse text-left text-sm">
            <caption className="mb-2 text-left font-medium">{t("ccpa.caption", { year: String(ccpa.year), scope: t(`ccpa.scopes.${ccpa.scope}`) })}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{t("ccpa.requestType")}</th>
                <th scope="col" className={headCell}>{t("ccpa.received")}</th>
                <th scope="col" className={headCell}>{t("ccpa.compliedInWholeOrPart")}</th>
                <th scope="col" className={headCell}>{t("ccpa.denied")}</th>
                <th scope="col" className="py-2 text-right">{t("ccpa.medianDays")}</th>
              </tr>
            </thead>
            <tbody>
              {ccpa.rows.map((row) => (
                <tr key={row.ccpa} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-4 text-left font-normal">{t(`ccpa.types.${row.ccpa}`)}</th>
                  <td className={cell}>{count(row.received)}</td>
                  <td className={cell}>{count(row.compliedInWholeOrPart)}</td>
                  <td className={cell}>{count(row.denied)}</td>
                  <td className="py-2 text-right tabular-nums">{days(row.medianDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
        <ul className="mt-3 max-w-3xl list-disc space-y-1 pl-5 text-sm text-muted">
          <li>{t("ccpa.notes.counting", { timeZone })}</li>
          <li>{t("ccpa.notes.scope")}</li>
          <li>{t("ccpa.notes.notOffered")}</li>
        </ul>
        <p className="mt-4">
          <a href={`/${locale}/dashboard/reports/ccpa?${new URLSearchParams({ year: String(ccpa.year), scope: ccpa.scope })}`} download className={buttonClasses("primary")}>
            {t("ccpa.download")}
          </a>
        </p>
      </Section>
    </Container>
  );
}
