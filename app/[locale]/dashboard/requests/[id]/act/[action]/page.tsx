import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/require-staff";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { isOffered, MENU_ACTIONS } from "@/lib/requests/staff/offered-actions";
import { isOneOf } from "@/lib/text/is-one-of";
import { actionContext } from "../../action-context";
import { ActionForm, ActionTitle } from "../../action-form";
import { loadRequestPage } from "../../load-request-page";
import { requestPageTexts } from "../../page-texts";

type Props = { params: Promise<{ locale: Locale; id: string; action: string }> };

export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * One action of the request page on a page of its own: where the page's buttons lead before (or
 * without) JavaScript, since its menu and dialogs need a script. The same form as the dialog's,
 * posted by the browser to the same server action; done, the browser goes back to the request.
 * Only an action the request page offers now (the lifecycle table, the role, the rule) has a
 * page; any other is a 404, and the server action checks again when the form is posted.
 */
export default async function RequestActionPage({ params }: Props) {
  const { locale, id, action } = await params;
  setRequestLocale(locale);
  const me = await requireStaff({ locale, permission: "requests.read", returnTo: `/${locale}/dashboard/requests/${id}/act/${action}` });
  if (!isOneOf(MENU_ACTIONS, action)) notFound();
  const { view, hold, offered } = await loadRequestPage(id, me);
  if (!isOffered(offered, action)) notFound();
  const { t, statusName, period } = await requestPageTexts(locale);
  const context = actionContext(view, hold?.legalHold ?? false, period);

  return (
    <div className="mx-auto w-full max-w-2xl px-3 py-5 sm:px-6">
      <Link href={`/dashboard/requests/${view.request.id}`} className="text-sm text-brand-800 underline">
        ← {t("actions.backToRequest", { reference: view.request.reference ?? "" })}
      </Link>
      <h1 className="mt-2 text-2xl font-bold break-words sm:text-3xl">
        <ActionTitle action={action} legalHeld={context.legalHeld} />
      </h1>
      <p className="mt-1" data-testid="staff-request-status">
        {t("title", { reference: view.request.reference ?? "" })} · {statusName(view.request.status)}
      </p>
      <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <ActionForm action={action} requestId={view.request.id} context={context} onPage />
      </div>
    </div>
  );
}
