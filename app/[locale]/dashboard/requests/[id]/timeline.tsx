import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import type { StaffRequestView } from "@/lib/requests/staff/get-staff-request-view";
import type { RequestPageTexts } from "./page-texts";
import { FoldSection } from "./fold-section";

type Event = StaffRequestView["timeline"][number];

/**
 * Everything that happened to the request, oldest first, folded away under the thread: who did
 * it (by name), when (page language, operator's time zone) and what changed (statuses by name).
 */
export async function Timeline({ locale, view, texts }: { locale: Locale; view: StaffRequestView; texts: RequestPageTexts }) {
  const { t, when, statusName } = texts;
  const mail = await getTranslations({ locale, namespace: "mail.onRequest" });
  const kinds = await getTranslations({ locale, namespace: "dashboard.timeline.kinds" });
  const calls = await getTranslations({ locale, namespace: "fulfilment.panel" });

  const label = (event: Event) => {
    if (event.kind === "email_bounced") return mail("timeline.email_bounced", { to: event.data.to ?? "—" });
    if (event.kind === "inbound_email_attached") return mail("timeline.inbound_email_attached");
    return kinds(event.kind);
  };

  /** What changed, in words: statuses by name, the assignee by name, dates in the page's format. */
  const change = (event: Event): string | null => {
    if (event.kind === "status_changed" || event.kind === "completed" || event.kind === "denied") {
      const { from, to } = event.data;
      const move = from && to ? `${statusName(from)} → ${statusName(to)}` : null;
      return event.kind === "denied" && event.data.reason ? `${move ?? ""} · ${t(`denialReasons.${event.data.reason}`)}` : move;
    }
    if (event.kind === "assigned") return event.data.toName ? t("timeline.assignedTo", { name: event.data.toName }) : t("timeline.unassigned");
    if ((event.kind === "deadline_extended" || event.kind === "clock_resumed") && event.data.to) return `→ ${when(event.data.to)}`;
    if (event.kind === "email_bounced") return event.data.detail ?? null;
    if (event.kind === "inbound_email_attached") return event.data.note ?? null;
    if (event.kind === "http_call_answered" || event.kind === "http_call_failed" || event.kind === "http_call_retried") {
      const d = event.data;
      const purpose = d.purpose ? calls(`purpose.${d.purpose}`) : "";
      const outcome =
        "error" in d && d.error
          ? d.error
          : "actions" in d && d.actions
            ? calls("callActions", { actions: d.actions })
            : "rows" in d && d.rows !== undefined
              ? calls("callRows", { count: d.rows })
              : "erased" in d && d.erased !== undefined
                ? calls("callErased", { count: d.erased })
                : null;
      return [`${d.source ?? "—"}: ${purpose}`, outcome].filter(Boolean).join(" · ");
    }
    return null;
  };

  const by = (event: Event) =>
    event.actorType === "staff" ? t("timeline.by", { name: event.actorName ?? "—" }) : event.actorType === "requester" ? t("timeline.byRequester") : t("timeline.bySystem");

  return (
    <FoldSection testId="timeline" title={t("timeline.title")} count={view.timeline.length}>
      <ol className="mx-4 mb-4 space-y-2 border-l-2 border-slate-300 pl-4">
        {view.timeline.map((event) => {
          const extra = change(event);
          return (
            <li key={event.id}>
              <span className="text-sm text-muted">
                {when(event.createdAt)} {by(event)}
                {event.visibleToRequester ? null : <span className="ml-2 rounded bg-slate-200 px-1 text-xs text-ink">{t("timeline.staffOnly")}</span>}
              </span>
              <br />
              <span className={`break-words ${event.kind === "email_bounced" || event.kind === "http_call_failed" ? "font-semibold text-red-800" : ""}`}>
                {label(event)}
                {extra ? ` — ${extra}` : null}
              </span>
            </li>
          );
        })}
      </ol>
    </FoldSection>
  );
}
