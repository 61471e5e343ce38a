import { DefinitionRow } from "@/components/definition-row";
import type { Locale } from "@/lib/i18n/locales";
import type { StaffRequestView } from "@/lib/requests/staff/get-staff-request-view";
import { deadlineTexts, timeLeftTexts, URGENCY_CLASSES } from "../../deadline-texts";
import type { RequestPageTexts } from "./page-texts";
import { PanelSection } from "./panel-section";

const HOUR = 3_600_000;

/** Month rules count a pause in calendar days, like calendar-day rules (resumeDueAt). */
const pauseCounting = (unit: string) => (unit === "working_days" || unit === "hours" ? unit : "calendar_days");

/** Time left in words, the due date, pauses and extension, and the rule it all comes from. */
export async function DeadlineFacts({ locale, deadline, closed, texts }: { locale: Locale; deadline: StaffRequestView["deadline"]; closed: boolean; texts: RequestPageTexts }) {
  const { t, when, period, statusName } = texts;
  const ruleTexts = await deadlineTexts(locale, (iso) => when(`${iso}T12:00:00Z`));
  const rule = deadline.rule;

  // A closed request has no time left to count.
  const timeLeft = deadline.msLeft === null || closed ? null : (await timeLeftTexts(locale))(deadline.msLeft, deadline.workingDaysOnClock);

  // How the pauses so far moved the due date, in the unit they were counted in (resumeDueAt).
  const pausedPeriod = (() => {
    const unit = rule?.unit;
    if (unit === "hours" || !unit) return deadline.pausedMs > 0 ? period(Math.round(deadline.pausedMs / HOUR), "hours") : null;
    if (deadline.pausedDays === 0) return null;
    return period(deadline.pausedDays, unit === "working_days" ? "working_days" : "calendar_days");
  })();

  return (
    <PanelSection id="deadline-title" title={t("deadline.title")}>
      {deadline.dueAt ? (
        <>
          {timeLeft ? (
            <p className={`text-xl font-bold ${URGENCY_CLASSES[timeLeft.urgency]}`} data-testid="time-left">
              {timeLeft.text}
            </p>
          ) : null}
          {deadline.paused && deadline.pausedAt ? <p className="mt-1 text-sm text-amber-900">{t("deadline.paused", { date: when(deadline.pausedAt) })}</p> : null}
          <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
            <DefinitionRow label={t("deadline.dueAt")}>{when(deadline.dueAt)}</DefinitionRow>
            {deadline.originalDueAt && deadline.originalDueAt.getTime() !== deadline.dueAt.getTime() ? (
              <DefinitionRow label={t("deadline.originalDueAt")}>{when(deadline.originalDueAt)}</DefinitionRow>
            ) : null}
          </dl>
          {pausedPeriod ? (
            <p className="mt-2 text-sm" data-testid="clock-stopped">
              {t("deadline.pausedTotal", { period: pausedPeriod })}
            </p>
          ) : null}
          {deadline.extendedAt ? (
            <p className="mt-2 text-sm break-words whitespace-pre-wrap">{t("deadline.extended", { date: when(deadline.extendedAt), reason: deadline.extensionReason ?? "" })}</p>
          ) : null}
        </>
      ) : (
        <p>{t("deadline.noDeadline")}</p>
      )}
      {rule ? (
        <div className="mt-2 text-sm" data-testid="deadline-rule">
          <p>
            {t("deadline.rule")}:{" "}
            {t("deadline.ruleSummary", {
              ruleId: rule.id,
              period: period(rule.amount, rule.unit),
              event: rule.startsAtEvent === "received" ? t("deadline.events.received") : t("deadline.events.verified"),
            })}
          </p>
          <details className="mt-1">
            <summary className="cursor-pointer font-medium text-brand-800 underline">{t("deadline.ruleMore")}</summary>
            <div className="mt-1 space-y-1">
              <p>{rule.extensionAmount && rule.extensionUnit ? t("deadline.ruleExtension", { period: period(rule.extensionAmount, rule.extensionUnit) }) : t("deadline.ruleNoExtension")}</p>
              {rule.pausesWhile ? (
                <p>
                  {t("deadline.rulePauses", { status: statusName(rule.pausesWhile) })} {t(`deadline.pauseCounts.${pauseCounting(rule.unit)}`)}
                </p>
              ) : null}
              <p className="text-muted">
                {t("deadline.ruleSource")}: {ruleTexts.ruleSource(rule)}
              </p>
            </div>
          </details>
        </div>
      ) : (
        <p className="mt-2 text-sm">{t("deadline.noRule")}</p>
      )}
    </PanelSection>
  );
}
