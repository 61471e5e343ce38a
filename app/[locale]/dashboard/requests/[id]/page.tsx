import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Card } from "@/components/card";
import { Container } from "@/components/container";
import { STAFF_ROLES } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/require-staff";
import type { Locale } from "@/lib/i18n/locales";
import { MAX_FILE_BYTES, MAX_FILES_PER_SUBMISSION, MAX_IMAGE_MEGAPIXELS } from "@/lib/files/upload-limits";
import { Link } from "@/lib/i18n/navigation";
import { LOCALE_NAMES } from "@/lib/i18n/routing";
import { DATA_CATEGORIES, type DataCategory } from "@/lib/requests/request-types";
import { isAppError } from "@/lib/errors/app-error";
import { JURISDICTIONS } from "@/lib/requests/jurisdictions";
import { getStaffRequestView, type InboundMessageView, type StaffRequestView } from "@/lib/requests/staff/get-staff-request-view";
import { DENIAL_REASON_CODES } from "@/lib/requests/staff/schemas";
import { readyDb } from "@/lib/startup/ensure-app-ready";
import { ReplySection } from "./reply-section";
import { LegalHold } from "./legal-hold";
import { DefinitionRow } from "@/components/definition-row";
import { ActionFeedback } from "@/components/form/action-feedback";
import { AskForm, AssignForm, CompleteForm, DenyForm, ExtendForm, NoteForm, StatusButtons } from "./action-forms";
import { DataTable } from "@/components/data-table";
import { AUTO_REPLY_CHANNEL } from "@/lib/inbound/message-channels";
import { deadlineTexts } from "../../deadline-texts";
import { isUuid } from "@/lib/text/uuid";

type Props = { params: Promise<{ locale: Locale; id: string }> };

export const metadata: Metadata = { robots: { index: false, follow: false } };

const HOUR = 3_600_000;
const TIMELINE_KINDS = [
  "submitted",
  "verified",
  "duplicate_linked",
  "assigned",
  "status_changed",
  "message_received",
  "message_sent",
  "note_added",
  "clock_paused",
  "clock_resumed",
  "deadline_extended",
  "completed",
  "denied",
  "withdrawn",
  "legal_hold_placed",
  "legal_hold_lifted",
  "anonymised",
] as const;
const STATUSES = ["unverified", "expired", "new", "in_progress", "awaiting_requester", "on_hold", "completed", "denied", "withdrawn"] as const;
const UNITS = ["hours", "working_days", "calendar_days", "months"] as const;

/** Month rules count a pause in calendar days, like calendar-day rules (resumeDueAt). */
const pauseCounting = (unit: string) => (unit === "working_days" || unit === "hours" ? unit : "calendar_days");

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === "string" && (list as readonly string[]).includes(value);

async function loadView(id: string, staff: Awaited<ReturnType<typeof requireStaff>>): Promise<StaffRequestView> {
  if (!isUuid(id)) notFound();
  try {
    return await getStaffRequestView(await readyDb(), { requestId: id }, staff);
  } catch (error) {
    if (isAppError(error, "not_found")) notFound();
    throw error;
  }
}

export default async function StaffRequestPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const me = await requireStaff({ locale, permission: "requests.read", returnTo: `/${locale}/dashboard/requests/${id}` });
  const view = await loadView(id, me);
  const { request, requester, deadline } = view;

  const t = await getTranslations({ locale, namespace: "dashboard" });
  const types = await getTranslations({ locale, namespace: "requestTypes" });
  const statuses = await getTranslations({ locale, namespace: "staff.statuses" });
  const categories = await getTranslations({ locale, namespace: "categories" });
  const options = await getTranslations({ locale, namespace: "intake.options" });
  const roles = await getTranslations({ locale, namespace: "staff.roles" });
  const mail = await getTranslations({ locale, namespace: "mail.onRequest" });
  const fileProblems = await getTranslations({ locale, namespace: "dashboard.errors.fields" });
  const format = await getFormatter({ locale });
  const when = (date: Date | string) => format.dateTime(new Date(date), { dateStyle: "long", timeStyle: "short" });
  const texts = await deadlineTexts(locale, (iso) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" }));
  const statusName = (value: unknown) => (isOneOf(STATUSES, value) ? statuses(value) : String(value));
  const period = (amount: number, unit: string) => (isOneOf(UNITS, unit) ? t(`deadline.units.${unit}`, { count: amount }) : `${amount} ${unit}`);
  const fileUrl = (fileId: string) => `/${locale}/dashboard/requests/${request.id}/files/${fileId}`;
  // Why an e-mail attachment was not saved, in the words the upload forms use.
  const rejectedReason = ({ name, code }: InboundMessageView["rejectedAttachments"][number]) => {
    if (code === "too_large") return fileProblems("fileTooLarge", { name, maxMb: MAX_FILE_BYTES / 1024 / 1024 });
    if (code === "bad_type") return fileProblems("fileBadType", { name });
    if (code === "empty") return fileProblems("fileEmpty", { name });
    if (code === "too_many_pixels") return fileProblems("fileTooManyPixels", { name, maxMegapixels: MAX_IMAGE_MEGAPIXELS });
    return mail("tooMany", { name, maxFiles: MAX_FILES_PER_SUBMISSION });
  };
  const staffLabel = (s: { name: string; role: string }) => `${s.name} (${isOneOf(STAFF_ROLES, s.role) ? roles(s.role) : s.role})`;

  const timeLeft = (() => {
    if (deadline.msLeft === null) return null;
    const overdue = deadline.msLeft < 0;
    const hours = overdue ? Math.ceil(-deadline.msLeft / HOUR) : Math.floor(deadline.msLeft / HOUR);
    if (hours >= 48) return t(overdue ? "deadline.overdueDays" : "deadline.daysLeft", { count: Math.floor(hours / 24) });
    return t(overdue ? "deadline.overdueHours" : "deadline.hoursLeft", { count: hours });
  })();

  // How the pauses so far moved the due date, in the unit they were counted in (resumeDueAt).
  const pausedPeriod = (() => {
    const unit = deadline.rule?.unit;
    if (unit === "hours" || !unit) return deadline.pausedMs > 0 ? period(Math.round(deadline.pausedMs / HOUR), "hours") : null;
    if (deadline.pausedDays === 0) return null;
    return period(deadline.pausedDays, unit === "working_days" ? "working_days" : "calendar_days");
  })();

  const actions = view.allowedActions;
  const statusMoves = actions.filter((a): a is "start" | "hold" | "resume" => a === "start" || a === "hold" || a === "resume");
  const rule = deadline.rule;

  return (
    <Container className="py-8">
      <Link href="/dashboard" className="text-brand-800 underline">
        ← {t("backToQueue")}
      </Link>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold">{t("title", { reference: request.reference ?? "" })}</h1>
        {request.urgent ? <span className="rounded bg-red-100 px-2 py-0.5 text-sm text-red-900">{t("urgent")}</span> : null}
      </div>
      <p className="mt-2 text-lg" data-testid="staff-request-status">
        <strong>{statusName(request.status)}</strong> · {types(`${request.type}.title`)}
      </p>
      <LegalHold locale={locale} requestId={request.id} role={me.role} />
      {view.duplicateOf ? (
        <p className="mt-2">
          <Link href={`/dashboard/requests/${view.duplicateOf.id}`} className="text-amber-900 underline">
            {t("duplicateOf", { reference: view.duplicateOf.reference ?? "" })}
          </Link>
        </p>
      ) : null}

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card as="section" aria-labelledby="deadline-title">
          <h2 id="deadline-title" className="text-xl font-semibold">
            {t("deadline.title")}
          </h2>
          {deadline.dueAt ? (
            <>
              <p className={`mt-2 text-2xl font-bold ${deadline.overdue ? "text-red-800" : ""}`} data-testid="time-left">
                {timeLeft}
              </p>
              {deadline.paused && deadline.pausedAt ? <p className="mt-1 text-amber-900">{t("deadline.paused", { date: when(deadline.pausedAt) })}</p> : null}
              <dl className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
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
            <p className="mt-2">{t("deadline.noDeadline")}</p>
          )}
          <h3 className="mt-4 font-semibold">{t("deadline.rule")}</h3>
          {rule ? (
            <div className="mt-1 space-y-1 text-sm" data-testid="deadline-rule">
              <p>
                {t("deadline.ruleSummary", {
                  ruleId: rule.id,
                  period: period(rule.amount, rule.unit),
                  event: rule.startsAtEvent === "received" ? t("deadline.events.received") : t("deadline.events.verified"),
                })}
              </p>
              <p>{rule.extensionAmount && rule.extensionUnit ? t("deadline.ruleExtension", { period: period(rule.extensionAmount, rule.extensionUnit) }) : t("deadline.ruleNoExtension")}</p>
              {rule.pausesWhile ? (
                <p>
                  {t("deadline.rulePauses", { status: statusName(rule.pausesWhile) })} {t(`deadline.pauseCounts.${pauseCounting(rule.unit)}`)}
                </p>
              ) : null}
              <p className="text-muted">
                {t("deadline.ruleSource")}: {texts.ruleSource(rule)}
              </p>
            </div>
          ) : (
            <p className="mt-1 text-sm">{t("deadline.noRule")}</p>
          )}
        </Card>

        <Card as="section" aria-labelledby="summary-title">
          <h2 id="summary-title" className="text-xl font-semibold">
            {t("summary.title")}
          </h2>
          <dl className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
            <DefinitionRow label={t("summary.status")}>{statusName(request.status)}</DefinitionRow>
            <DefinitionRow label={t("summary.type")}>{types(`${request.type}.title`)}</DefinitionRow>
            <DefinitionRow label={t("assignee.title")}>
              <span data-testid="assignee">{view.assignee ? staffLabel(view.assignee) : t("assignee.nobody")}</span>
            </DefinitionRow>
            <DefinitionRow label={t("summary.received")}>{when(request.createdAt)}</DefinitionRow>
            {request.verifiedAt ? <DefinitionRow label={t("summary.verified")}>{when(request.verifiedAt)}</DefinitionRow> : null}
            <DefinitionRow label={t("summary.statusChanged")}>{when(request.statusChangedAt)}</DefinitionRow>
            {request.closedAt ? <DefinitionRow label={t("summary.closed")}>{when(request.closedAt)}</DefinitionRow> : null}
            {request.denialReason && isOneOf(DENIAL_REASON_CODES, request.denialReason) ? (
              <DefinitionRow label={t("summary.denialReason")}>{t(`denialReasons.${request.denialReason}`)}</DefinitionRow>
            ) : null}
            {request.outcomeNote ? <DefinitionRow label={t("summary.outcomeNote")}>{request.outcomeNote}</DefinitionRow> : null}
          </dl>
        </Card>

        <Card as="section" aria-labelledby="requester-title">
          <h2 id="requester-title" className="text-xl font-semibold">
            {t("requester.title")}
          </h2>
          <dl className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
            <DefinitionRow label={t("requester.name")}><bdi>{requester.requesterName}</bdi></DefinitionRow>
            <DefinitionRow label={t("requester.email")}><bdi>{requester.requesterEmail}</bdi></DefinitionRow>
            {requester.requesterPhone ? <DefinitionRow label={t("requester.phone")}>{requester.requesterPhone}</DefinitionRow> : null}
            <DefinitionRow label={t("requester.language")}>{isOneOf(["ru", "kk", "en"] as const, request.locale) ? LOCALE_NAMES[request.locale] : request.locale}</DefinitionRow>
            <DefinitionRow label={t("requester.jurisdiction")}>{isOneOf(JURISDICTIONS, request.jurisdiction) ? options(`jurisdiction.${request.jurisdiction}`) : request.jurisdiction}</DefinitionRow>
            <DefinitionRow label={t("requester.channel")}>{texts.channel(request.channel)}</DefinitionRow>
            <DefinitionRow label={t("requester.onBehalf")}>
              {requester.onBehalf
                ? t("requester.onBehalfValue", {
                    // U+2068/U+2069 isolate the name inside the sentence, like <bdi>.
                    subjectName: requester.subjectName ? `\u2068${requester.subjectName}\u2069` : "—",
                    relation: isOneOf(["parent_guardian", "legal_representative", "authorized_agent"] as const, requester.representativeRelation)
                      ? options(`representativeRelation.${requester.representativeRelation}`)
                      : (requester.representativeRelation ?? "—"),
                  })
                : t("requester.self")}
            </DefinitionRow>
            <DefinitionRow label={t("requester.verification")}>
              <ul>
                <li>{view.verification.verifiedAt ? t("requester.verifiedAt", { date: when(view.verification.verifiedAt) }) : t("requester.notVerified")}</li>
                <li>{t("requester.consentAt", { date: when(view.verification.consentAt) })}</li>
                {requester.onBehalf ? (
                  <li>
                    {view.verification.proofOfAuthorityFiles > 0
                      ? t("requester.proofFiles", { count: view.verification.proofOfAuthorityFiles })
                      : t("requester.noProofFiles")}
                  </li>
                ) : null}
              </ul>
            </DefinitionRow>
          </dl>
        </Card>

        <Card as="section" aria-labelledby="details-title">
          <h2 id="details-title" className="text-xl font-semibold">
            {t("details.title")}
          </h2>
          {details(view)}
        </Card>
      </div>

      <Card as="section" aria-labelledby="actions-title" className="mt-6">
        <h2 id="actions-title" className="text-xl font-semibold">
          {t("actions.title")}
        </h2>
        {!can(me.role, "requests.work") ? (
          <p className="mt-2">{t("actions.readOnly")}</p>
        ) : actions.length === 0 ? (
          <p className="mt-2">{t("actions.none")}</p>
        ) : (
          <div className="mt-3">
            <ActionFeedback>
              <StatusButtons requestId={request.id} actions={statusMoves} />
              <div className="mt-2 grid gap-6 lg:grid-cols-2">
                {actions.includes("assign") ? (
                  <section aria-labelledby="assign-title">
                    <h3 id="assign-title" className="mt-4 text-lg font-semibold">
                      {t("actions.assign.title")}
                    </h3>
                    <AssignForm requestId={request.id} assigneeId={view.assignee?.id ?? null} staff={view.assignableStaff.map((s) => ({ id: s.id, label: staffLabel(s) }))} />
                  </section>
                ) : null}
                {actions.includes("ask_requester") ? (
                  <section aria-labelledby="ask-title">
                    <h3 id="ask-title" className="mt-4 text-lg font-semibold">
                      {t("actions.ask.title")}
                    </h3>
                    <AskForm requestId={request.id} pauses={rule?.pausesWhile === "awaiting_requester"} />
                  </section>
                ) : null}
                {actions.includes("extend_deadline") && rule?.extensionAmount && rule.extensionUnit ? (
                  <section aria-labelledby="extend-title">
                    <h3 id="extend-title" className="mt-4 text-lg font-semibold">
                      {t("actions.extend.title")}
                    </h3>
                    <ExtendForm requestId={request.id} period={period(rule.extensionAmount, rule.extensionUnit)} />
                  </section>
                ) : null}
                {actions.includes("complete") ? (
                  <section aria-labelledby="complete-title">
                    <h3 id="complete-title" className="mt-4 text-lg font-semibold">
                      {t("actions.complete.title")}
                    </h3>
                    <CompleteForm requestId={request.id} isAccess={request.type === "access"} />
                  </section>
                ) : null}
                {actions.includes("deny") ? (
                  <section aria-labelledby="deny-title">
                    <h3 id="deny-title" className="mt-4 text-lg font-semibold">
                      {t("actions.deny.title")}
                    </h3>
                    <DenyForm requestId={request.id} />
                  </section>
                ) : null}
                {actions.includes("add_note") ? (
                  <section aria-labelledby="note-title">
                    <h3 id="note-title" className="mt-4 text-lg font-semibold">
                      {t("actions.note.title")}
                    </h3>
                    <NoteForm requestId={request.id} />
                  </section>
                ) : null}
              </div>
            </ActionFeedback>
          </div>
        )}
      </Card>

      <section aria-labelledby="messages-title" className="mt-8">
        <h2 id="messages-title" className="text-xl font-semibold">
          {t("messages.title")}
        </h2>
        {view.messages.length === 0 ? <p className="mt-2 text-muted">{t("messages.empty")}</p> : null}
        <ol className="mt-3 space-y-3">
          {view.messages.map((message) => {
            const style =
              message.direction === "internal"
                ? "border-l-4 border-l-amber-500 bg-amber-50"
                : message.direction === "inbound"
                  ? "border-l-4 border-l-slate-400"
                  : "border-l-4 border-l-brand-700";
            return (
              <li key={message.id}>
                <article className={`rounded-lg border border-slate-200 p-4 shadow-sm ${message.direction === "internal" ? "" : "bg-white"} ${style}`} data-direction={message.direction}>
                  <p className="text-sm text-muted">
                    <strong className="text-ink">{t(`messages.${message.direction}`)}</strong>
                    {" · "}
                    {message.authorName ?? "—"} · {when(message.createdAt)}
                    {message.direction === "inbound" && message.channel === "email" ? ` · ${mail("byEmail")}` : null}
                    {message.channel === AUTO_REPLY_CHANNEL ? ` · ${mail("autoReply")}` : null}
                    {message.email ? ` · ${t("messages.emailStatus", { status: t(`emails.status.${message.email.status}`) })}` : null}
                  </p>
                  {message.inbound?.fromOtherAddress && message.inbound.from ? (
                    <p className="mt-1 text-sm font-semibold text-amber-900">{mail("fromOtherAddress", { address: message.inbound.from })}</p>
                  ) : null}
                  {message.email?.status === "bounced" ? (
                    <p className="mt-1 text-sm font-semibold text-red-800">
                      {message.email.bounceDetail ? mail("bounced", { detail: message.email.bounceDetail }) : mail("bouncedNoDetail")}
                    </p>
                  ) : message.email?.status === "failed" && message.email.lastError ? (
                    <p className="mt-1 text-sm font-semibold text-red-800">{t("emails.error", { error: message.email.lastError })}</p>
                  ) : null}
                  {message.channel === AUTO_REPLY_CHANNEL ? (
                    <details className="mt-2" data-testid="auto-reply">
                      <summary className="cursor-pointer font-medium text-brand-800 underline">{mail("showAutoReply")}</summary>
                      <p dir="auto" className="mt-2 break-words whitespace-pre-wrap">{message.body}</p>
                    </details>
                  ) : (
                    <p dir="auto" className="mt-2 break-words whitespace-pre-wrap">{message.body}</p>
                  )}
                  {message.files.length > 0 ? (
                    <ul className="mt-2 text-sm" aria-label={t("messages.attachments")}>
                      {message.files.map((file) => (
                        <li key={file.id}>
                          <a href={fileUrl(file.id)} className="text-brand-800 underline">
                            {t("files.download", { filename: file.filename })}
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {message.inbound && message.inbound.rejectedAttachments.length > 0 ? (
                    <div className="mt-2 text-sm">
                      <p id={`rejected-${message.id}`} className="font-medium text-red-800">
                        {mail("rejectedAttachments")}
                      </p>
                      <ul aria-labelledby={`rejected-${message.id}`} className="list-disc pl-5">
                        {message.inbound.rejectedAttachments.map((attachment, index) => (
                          <li key={index}>{rejectedReason(attachment)}</li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  {message.inbound?.fullText?.trim() ? (
                    <details className="mt-2 text-sm">
                      <summary className="cursor-pointer font-medium text-brand-800 underline">{mail("showFullEmail")}</summary>
                      <pre dir="auto" className="mt-2 font-sans break-words whitespace-pre-wrap">{message.inbound.fullText}</pre>
                    </details>
                  ) : null}
                  {message.inbound?.inboundEmailId ? (
                    <p className="mt-2 text-sm">
                      <Link href={`/dashboard/mail/${message.inbound.inboundEmailId}`} className="text-brand-800 underline">
                        {mail("openEmail")}
                      </Link>
                    </p>
                  ) : null}
                </article>
              </li>
            );
          })}
        </ol>
      </section>

      <ReplySection locale={locale} requestId={view.request.id} />

      <div className="mt-8 grid gap-6 lg:grid-cols-2">
        <Card as="section" aria-labelledby="files-title">
          <h2 id="files-title" className="text-xl font-semibold">
            {t("files.title")}
          </h2>
          {view.files.length === 0 ? <p className="mt-2 text-muted">{t("files.empty")}</p> : null}
          <ul className="mt-3 space-y-2">
            {view.files.map((file) => (
              <li key={file.id}>
                <a href={fileUrl(file.id)} className="text-brand-800 underline">
                  {t("files.download", { filename: file.filename })}
                </a>
                <span className="ml-2 text-sm text-muted">
                  {t(`files.purposes.${file.purpose}`)} · {t("files.size", { kb: Math.ceil(file.sizeBytes / 1024) })} · {when(file.createdAt)}
                  {file.availableUntil ? ` · ${t("files.availableUntil", { date: when(file.availableUntil) })}` : null}
                </span>
              </li>
            ))}
          </ul>
        </Card>

        <Card as="section" aria-labelledby="emails-title">
          <h2 id="emails-title" className="text-xl font-semibold">
            {t("emails.title")}
          </h2>
          {view.emails.length === 0 ? <p className="mt-2 text-muted">{t("emails.empty")}</p> : null}
          <ul className="mt-3 space-y-2 text-sm">
            {view.emails.map((email) => (
              <li key={email.id}>
                <span className="font-medium">{email.subject}</span>
                <br />
                <span className={email.status === "failed" || email.status === "bounced" ? "font-semibold text-red-800" : "text-muted"}>
                  {t(`emails.status.${email.status}`)} · {when(email.bouncedAt ?? email.sentAt ?? email.createdAt)}
                </span>
                {email.status === "bounced" ? (
                  <span className="block text-red-800">{email.bounceDetail ? mail("bounced", { detail: email.bounceDetail }) : mail("bouncedNoDetail")}</span>
                ) : null}
                {email.lastError ? <span className="block text-red-800">{t("emails.error", { error: email.lastError })}</span> : null}
              </li>
            ))}
          </ul>
        </Card>
      </div>

      <section aria-labelledby="timeline-title" className="mt-8">
        <h2 id="timeline-title" className="text-xl font-semibold">
          {t("timeline.title")}
        </h2>
        <ol className="mt-3 space-y-2 border-l-2 border-slate-300 pl-4">
          {view.timeline.map((event) => {
            const d = event.data;
            const by =
              event.actorType === "staff"
                ? t("timeline.by", { name: event.actorName ?? "—" })
                : event.actorType === "requester"
                  ? t("timeline.byRequester")
                  : t("timeline.bySystem");
            let extra: string | null = null;
            if (event.kind === "status_changed" || event.kind === "completed" || event.kind === "denied") {
              extra = d.from && d.to ? `${statusName(d.from)} → ${statusName(d.to)}` : null;
              if (event.kind === "denied" && isOneOf(DENIAL_REASON_CODES, d.reason)) extra = `${extra ?? ""} · ${t(`denialReasons.${d.reason}`)}`;
            } else if (event.kind === "assigned") {
              extra = typeof d.toName === "string" ? t("timeline.assignedTo", { name: d.toName }) : t("timeline.unassigned");
            } else if ((event.kind === "deadline_extended" || event.kind === "clock_resumed") && typeof d.to === "string") {
              extra = `→ ${when(d.to)}`;
            } else if ((event.kind === "email_bounced" && typeof d.detail === "string") || (event.kind === "inbound_email_attached" && typeof d.note === "string")) {
              extra = (event.kind === "email_bounced" ? d.detail : d.note) as string;
            }
            const kindLabel = isOneOf(TIMELINE_KINDS, event.kind)
              ? t(`timeline.kinds.${event.kind}`)
              : event.kind === "email_bounced"
                ? mail("timeline.email_bounced", { to: typeof d.to === "string" ? d.to : "—" })
                : event.kind === "inbound_email_attached"
                  ? mail("timeline.inbound_email_attached")
                  : t("timeline.kinds.other", { kind: event.kind });
            return (
              <li key={event.id}>
                <span className="text-sm text-muted">
                  {when(event.createdAt)} {by}
                  {event.visibleToRequester ? null : <span className="ml-2 rounded bg-slate-200 px-1 text-xs text-ink">{t("timeline.staffOnly")}</span>}
                </span>
                <br />
                <span className={event.kind === "email_bounced" ? "font-semibold text-red-800" : undefined}>
                  {kindLabel}
                  {extra ? ` — ${extra}` : null}
                </span>
              </li>
            );
          })}
        </ol>
      </section>
    </Container>
  );

  function details(v: StaffRequestView) {
    const d = v.details;
    const categoryNames = (list: string[]) =>
      list.length === 0 ? t("details.allCategories") : list.map((c) => (isOneOf(DATA_CATEGORIES, c) ? categories(c as DataCategory) : c)).join(", ");
    return (
      <>
        <dl className="mt-3 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
          {d.type === "access" ? (
            <>
              <DefinitionRow label={t("details.categories")}>{categoryNames(d.categories)}</DefinitionRow>
              {d.format ? <DefinitionRow label={t("details.format")}>{isOneOf(["pdf", "json", "csv"] as const, d.format) ? options(`format.${d.format}`) : d.format}</DefinitionRow> : null}
            </>
          ) : null}
          {d.type === "deletion" ? (
            <>
              <DefinitionRow label={t("details.scope")}>{isOneOf(["account", "categories"] as const, d.scope) ? options(`scope.${d.scope}`) : (d.scope ?? "—")}</DefinitionRow>
              {d.scope === "categories" ? <DefinitionRow label={t("details.categories")}>{categoryNames(d.categories)}</DefinitionRow> : null}
              {d.accountIdentifier ? <DefinitionRow label={t("details.account")}><bdi>{d.accountIdentifier}</bdi></DefinitionRow> : null}
              <DefinitionRow label={t("details.consequences")}>{d.acknowledgedConsequences ? t("details.consequencesAccepted") : t("details.consequencesMissing")}</DefinitionRow>
            </>
          ) : null}
          {d.type === "credential_misuse" ? (
            <>
              <DefinitionRow label={t("details.misusedAccount")}><bdi>{d.accountIdentifier ?? "—"}</bdi></DefinitionRow>
              <DefinitionRow label={t("details.noticedOn")}>{d.noticedOn ?? "—"}</DefinitionRow>
              <DefinitionRow label={t("details.whatHappened")}><bdi>{d.whatHappened ?? "—"}</bdi></DefinitionRow>
              <DefinitionRow label={t("details.passwordChanged")}>
                {isOneOf(["yes", "no", "cannot"] as const, d.passwordChanged) ? options(`passwordChanged.${d.passwordChanged}`) : (d.passwordChanged ?? "—")}
              </DefinitionRow>
            </>
          ) : null}
          {d.type === "other" ? <DefinitionRow label={t("details.raw")}>{JSON.stringify(d.details, null, 2)}</DefinitionRow> : null}
          {v.comment ? <DefinitionRow label={t("details.comment")}><bdi>{v.comment}</bdi></DefinitionRow> : null}
        </dl>
        {d.type === "correction" ? (
          <DataTable className="mt-3" caption={t("details.corrections")} captionClassName="mb-2 text-left font-medium" columns={[t("details.field"), t("details.before"), t("details.after")]}>
            <tbody>
              {d.corrections.map((c, i) => (
                <tr key={i} className="border-b border-slate-200 align-top">
                  <th scope="row" dir="auto" className="py-2 pr-4 font-medium break-words">
                    {c.field}
                  </th>
                  <td dir="auto" className="py-2 pr-4 break-words">{c.currentValue || "—"}</td>
                  <td dir="auto" className="py-2 break-words">{c.correctedValue}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : null}
      </>
    );
  }
}
