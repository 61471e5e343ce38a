import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import type { StaffRequestView } from "@/lib/requests/staff/get-staff-request-view";
import type { MenuAction, OfferedActions } from "@/lib/requests/staff/offered-actions";
import { actionContext } from "./action-context";
import type { RequestPageTexts } from "./page-texts";
import { RequestActions } from "./request-actions";

/** Status colours, so the state reads at a glance; the word is always there too. */
const STATUS_LOOK: Partial<Record<StaffRequestView["request"]["status"], string>> = {
  new: "bg-sky-100 text-sky-950",
  in_progress: "bg-brand-100 text-brand-800",
  awaiting_requester: "bg-amber-100 text-amber-950",
  on_hold: "bg-slate-200 text-ink",
  completed: "bg-green-100 text-green-950",
  denied: "bg-red-100 text-red-950",
};

/**
 * The request's reference, status and type, and what can be done next: the primary action and
 * the menu (or why nothing can be done by this role).
 */
export async function RequestHeader({
  locale,
  view,
  offered,
  readOnly,
  legalHeld,
  texts,
  done,
}: {
  locale: Locale;
  view: StaffRequestView;
  offered: OfferedActions;
  readOnly: boolean;
  legalHeld: boolean;
  texts: RequestPageTexts;
  /** The action just done on its own page, to confirm. */
  done: MenuAction | null;
}) {
  const { t, statusName, period } = texts;
  const types = await getTranslations({ locale, namespace: "requestTypes" });
  const { request } = view;
  return (
    <header>
      <Link href="/dashboard" className="text-sm text-brand-800 underline">
        ← {t("backToQueue")}
      </Link>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold break-words sm:text-3xl">{t("title", { reference: request.reference ?? "" })}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2" data-testid="staff-request-status">
            <strong className={`rounded px-2 py-0.5 text-sm ${STATUS_LOOK[request.status] ?? "bg-slate-100 text-ink"}`}>{statusName(request.status)}</strong>
            <span>{types(`${request.type}.title`)}</span>
            {request.urgent ? <span className="rounded bg-red-100 px-2 py-0.5 text-sm text-red-900">{t("urgent")}</span> : null}
            {view.contested ? <span className="rounded bg-amber-100 px-2 py-0.5 text-sm text-amber-950">{t("page.contested")}</span> : null}
          </p>
        </div>
        <div className="flex flex-col items-start gap-1 sm:items-end">
          <RequestActions
            requestId={request.id}
            primary={offered.primary}
            menu={offered.menu}
            context={actionContext(view, legalHeld, period)}
            done={done}
          />
          {readOnly ? <p className="text-sm text-muted">{t("actions.readOnly")}</p> : null}
          {!readOnly && !offered.primary && offered.menu.length === 0 ? <p className="text-sm text-muted">{t("actions.none")}</p> : null}
        </div>
      </div>
    </header>
  );
}
