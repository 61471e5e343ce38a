import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { buttonClasses } from "@/components/button-link";
import { Container } from "@/components/container";
import { getCalendarAdminView } from "@/lib/admin/calendar-days";
import { requireStaff } from "@/lib/auth/require-staff";
import { getEnv } from "@/lib/env";
import { type Locale } from "@/lib/i18n/locales";
import { readyDb } from "@/db/ready";
import { deadlineTexts } from "../deadline-texts";
import { AddCalendarDayForm, RemoveCalendarDayButton } from "./calendar-forms";
import { ScrollFrame } from "@/components/scroll-frame";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ jurisdiction?: string; year?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "calendarAdmin" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function CalendarPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await requireStaff({ locale, permission: "calendar.manage", returnTo: `/${locale}/dashboard/calendar` });
  const query = await searchParams;
  const jurisdiction = /^[A-Z][A-Z0-9_]{1,15}$/.test(query.jurisdiction ?? "") ? query.jurisdiction! : getEnv().DEFAULT_JURISDICTION;
  const thisYear = new Date().getFullYear();
  const year = /^\d{4}$/.test(query.year ?? "") ? Number(query.year) : thisYear;
  const view = await getCalendarAdminView(await readyDb(), { jurisdiction, year }, me);
  const t = await getTranslations({ locale, namespace: "calendarAdmin" });
  const types = await getTranslations({ locale, namespace: "requestTypes" });
  const format = await getFormatter({ locale });
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" });
  const texts = await deadlineTexts(locale, day);
  const statuses = await getTranslations({ locale, namespace: "staff.statuses" });
  const period = (amount: number | null, unit: string | null) =>
    amount && unit ? t(`units.${unit as "hours"}`, { amount }) : t("rule.none");

  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("lead")}</p>

      <form method="get" className="mt-6 flex flex-wrap items-end gap-3 text-sm">
        <div>
          <label htmlFor="jurisdiction" className="block font-medium">{t("jurisdiction")}</label>
          <input id="jurisdiction" name="jurisdiction" defaultValue={jurisdiction} className="mt-1 min-h-10 w-28 rounded-md border border-slate-400 px-2" />
        </div>
        <div>
          <label htmlFor="year" className="block font-medium">{t("year")}</label>
          <input id="year" name="year" type="number" min={2000} max={2100} defaultValue={year} className="mt-1 min-h-10 w-28 rounded-md border border-slate-400 px-2" />
        </div>
        <button type="submit" className={buttonClasses("secondary")}>{t("show")}</button>
      </form>

      <section aria-labelledby="calendar-days" className="mt-8">
        <h2 id="calendar-days" className="text-xl font-semibold">{t("days")}</h2>
        {view.days.length === 0 ? <p className="mt-2 text-muted">{t("noDays")}</p> : null}
        <ul className="mt-3 space-y-2">
          {view.days.map((d) => (
            <li key={d.day} className="flex flex-wrap items-baseline gap-x-3">
              <strong>{day(d.day)}</strong>
              <span>{texts.holiday(d.name, d.day)}</span>
              <span className="text-sm text-muted">{t(`kinds.${d.kind}`)}</span>
              <RemoveCalendarDayButton jurisdiction={jurisdiction} day={d.day} label={t("remove", { date: day(d.day) })} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="calendar-add" className="mt-8">
        <h2 id="calendar-add" className="text-xl font-semibold">{t("add")}</h2>
        <AddCalendarDayForm jurisdiction={jurisdiction} />
      </section>

      <section aria-labelledby="calendar-rules" className="mt-10">
        <h2 id="calendar-rules" className="text-xl font-semibold">{t("rules")}</h2>
        <ScrollFrame className="mt-3" labelledBy="calendar-rules">
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{t("jurisdiction")}</th>
                <th scope="col" className="py-2 pr-4">{t("rule.type")}</th>
                <th scope="col" className="py-2 pr-4">{t("rule.deadline")}</th>
                <th scope="col" className="py-2 pr-4">{t("rule.extension")}</th>
                <th scope="col" className="py-2 pr-4">{t("rule.pauses")}</th>
                <th scope="col" className="py-2">{t("rule.source")}</th>
              </tr>
            </thead>
            <tbody>
              {view.rules.map((rule) => (
                <tr key={rule.id} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-4">{rule.jurisdiction}</td>
                  <td className="py-2 pr-4">{types(`${rule.requestType}.title`)}</td>
                  <td className="py-2 pr-4">{period(rule.amount, rule.unit)}</td>
                  <td className="py-2 pr-4">{period(rule.extensionAmount, rule.extensionUnit)}</td>
                  <td className="py-2 pr-4">{rule.pausesWhile ? statuses(rule.pausesWhile as "awaiting_requester") : t("rule.none")}</td>
                  <td className="py-2">{texts.ruleSource(rule)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollFrame>
      </section>
    </Container>
  );
}
