import { getTranslations } from "next-intl/server";
import { DefinitionRow } from "@/components/definition-row";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { LOCALE_NAMES } from "@/lib/i18n/routing";
import { JURISDICTIONS } from "@/lib/requests/jurisdictions";
import type { StaffRequestView } from "@/lib/requests/staff/get-staff-request-view";
import { DENIAL_REASON_CODES } from "@/lib/requests/staff/schemas";
import { deadlineTexts } from "../../deadline-texts";
import { AssigneePicker } from "./assignee-picker";
import { DeadlineFacts } from "./deadline-facts";
import type { RequestPageTexts } from "./page-texts";
import { PanelSection } from "./panel-section";

const RELATIONS = ["parent_guardian", "legal_representative", "authorized_agent"] as const;

/**
 * The right-hand panel: status, assignee (changed in place), time left and its rule,
 * jurisdiction, the requester and how they were verified, who acts for whom with what proof,
 * and linked duplicates.
 */
export async function PropertiesPanel({
  locale,
  view,
  me,
  mayAssign,
  texts,
}: {
  locale: Locale;
  view: StaffRequestView;
  me: CurrentStaff;
  mayAssign: boolean;
  texts: RequestPageTexts;
}) {
  const { t, when, statusName, staffLabel, isOneOf } = texts;
  const types = await getTranslations({ locale, namespace: "requestTypes" });
  const options = await getTranslations({ locale, namespace: "intake.options" });
  const channels = await deadlineTexts(locale, (iso) => iso);
  const { request, requester, verification } = view;

  return (
    <aside aria-label={t("page.properties")} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <PanelSection id="status-title" title={t("summary.status")}>
        <p className="font-semibold">{statusName(request.status)}</p>
        <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
          <DefinitionRow label={t("summary.type")}>{types(`${request.type}.title`)}</DefinitionRow>
          <DefinitionRow label={t("summary.received")}>{when(request.createdAt)}</DefinitionRow>
          <DefinitionRow label={t("summary.statusChanged")}>{when(request.statusChangedAt)}</DefinitionRow>
          {request.closedAt ? <DefinitionRow label={t("summary.closed")}>{when(request.closedAt)}</DefinitionRow> : null}
          {request.denialReason && isOneOf(DENIAL_REASON_CODES, request.denialReason) ? (
            <DefinitionRow label={t("summary.denialReason")}>{t(`denialReasons.${request.denialReason}`)}</DefinitionRow>
          ) : null}
          {request.outcomeNote ? <DefinitionRow label={t("summary.outcomeNote")}>{request.outcomeNote}</DefinitionRow> : null}
        </dl>
      </PanelSection>

      <PanelSection id="assignee-title" title={t("assignee.title")}>
        {mayAssign ? (
          <AssigneePicker
            requestId={request.id}
            assigneeId={view.assignee?.id ?? null}
            meId={me.id}
            staff={view.assignableStaff.map((s) => ({ id: s.id, label: staffLabel(s) }))}
          />
        ) : (
          <p data-testid="assignee">{view.assignee ? staffLabel(view.assignee) : t("assignee.nobody")}</p>
        )}
      </PanelSection>

      <DeadlineFacts locale={locale} deadline={view.deadline} closed={request.closedAt !== null} texts={texts} />

      <PanelSection id="jurisdiction-title" title={t("requester.jurisdiction")}>
        <p>{isOneOf(JURISDICTIONS, request.jurisdiction) ? options(`jurisdiction.${request.jurisdiction}`) : request.jurisdiction}</p>
      </PanelSection>

      <PanelSection id="requester-title" title={t("requester.title")}>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
          <DefinitionRow label={t("requester.name")}>
            <bdi>{requester.requesterName}</bdi>
          </DefinitionRow>
          <DefinitionRow label={t("requester.email")}>
            <bdi className="break-all">{requester.requesterEmail}</bdi>
          </DefinitionRow>
          {requester.requesterPhone ? <DefinitionRow label={t("requester.phone")}>{requester.requesterPhone}</DefinitionRow> : null}
          <DefinitionRow label={t("requester.language")}>{isOneOf(["ru", "kk", "en"] as const, request.locale) ? LOCALE_NAMES[request.locale] : request.locale}</DefinitionRow>
          <DefinitionRow label={t("requester.channel")}>{channels.channel(request.channel)}</DefinitionRow>
          <DefinitionRow label={t("requester.verification")}>
            <ul>
              <li>{verification.verifiedAt ? t("requester.verifiedAt", { date: when(verification.verifiedAt) }) : t("requester.notVerified")}</li>
              <li>{t("requester.consentAt", { date: when(verification.consentAt) })}</li>
            </ul>
          </DefinitionRow>
        </dl>
      </PanelSection>

      <PanelSection id="representative-title" title={t("requester.onBehalf")}>
        {requester.onBehalf ? (
          <>
            <p>
              {t("requester.onBehalfValue", {
                // U+2068/U+2069 isolate the name inside the sentence, like <bdi>.
                subjectName: requester.subjectName ? `\u2068${requester.subjectName}\u2069` : "—",
                relation: isOneOf(RELATIONS, requester.representativeRelation)
                  ? options(`representativeRelation.${requester.representativeRelation}`)
                  : (requester.representativeRelation ?? "—"),
              })}
            </p>
            <p className={`mt-1 text-sm ${verification.proofOfAuthorityFiles > 0 ? "" : "font-semibold text-amber-900"}`}>
              {verification.proofOfAuthorityFiles > 0 ? t("requester.proofFiles", { count: verification.proofOfAuthorityFiles }) : t("requester.noProofFiles")}
            </p>
          </>
        ) : (
          <p>{t("requester.self")}</p>
        )}
      </PanelSection>

      {view.duplicateOf || view.duplicates.length > 0 ? (
        <PanelSection id="duplicates-title" title={t("page.duplicates")}>
          <ul className="space-y-1 text-sm">
            {view.duplicateOf ? (
              <li>
                <Link href={`/dashboard/requests/${view.duplicateOf.id}`} className="text-amber-900 underline">
                  {t("duplicateOf", { reference: view.duplicateOf.reference ?? "" })}
                </Link>
              </li>
            ) : null}
            {view.duplicates.map((duplicate) => (
              <li key={duplicate.id}>
                <Link href={`/dashboard/requests/${duplicate.id}`} className="text-brand-800 underline">
                  {t("page.duplicate", { reference: duplicate.reference ?? "", status: statusName(duplicate.status) })}
                </Link>
              </li>
            ))}
          </ul>
        </PanelSection>
      ) : null}
    </aside>
  );
}
