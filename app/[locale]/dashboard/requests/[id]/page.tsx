import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/require-staff";
import type { Locale } from "@/lib/i18n/locales";
import { MENU_ACTIONS } from "@/lib/requests/staff/offered-actions";
import { isOneOf } from "@/lib/text/is-one-of";
import { firstValues } from "@/lib/text/search-params";
import { ComposerSection } from "./composer-section";
import { FulfilmentPanel } from "./fulfilment/fulfilment-panel";
import { RequestEmails, RequestFiles } from "./files-and-emails";
import { LegalHold } from "./legal-hold";
import { loadRequestPage } from "./load-request-page";
import { requestPageTexts } from "./page-texts";
import { PropertiesPanel } from "./properties-panel";
import { RequestDetails } from "./request-details";
import { RequestHeader } from "./request-header";
import { Thread } from "./thread";
import { Timeline } from "./timeline";

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * A request as help desks show one: the conversation in the main column (what was asked, the
 * thread, the composer right under it; files, e-mails and the timeline folded below), the
 * properties on the right, and the next step the lifecycle allows at the top.
 */
export default async function StaffRequestPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const me = await requireStaff({ locale, permission: "requests.read", returnTo: `/${locale}/dashboard/requests/${id}` });
  const { view, hold, offered } = await loadRequestPage(id, me);
  const texts = await requestPageTexts(locale);
  // Back from an action's own page (used without JavaScript): what was done, said once on arrival.
  const done = firstValues(await searchParams).done;

  return (
    <div className="mx-auto w-full max-w-screen-2xl px-3 py-5 sm:px-6">
      <RequestHeader locale={locale} view={view} offered={offered} readOnly={!can(me.role, "requests.work")} legalHeld={hold?.legalHold ?? false} texts={texts} done={isOneOf(MENU_ACTIONS, done) ? done : null} />
      {hold ? <LegalHold locale={locale} state={hold} /> : null}
      <div className="mt-5 grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-5">
          <RequestDetails locale={locale} view={view} texts={texts} />
          <FulfilmentPanel locale={locale} request={view.request} staff={me} />
          <Thread locale={locale} view={view} texts={texts} />
          <ComposerSection locale={locale} requestId={view.request.id} me={me} mayWrite={offered.write} />
          <RequestFiles locale={locale} view={view} texts={texts} />
          <RequestEmails locale={locale} view={view} texts={texts} />
          <Timeline locale={locale} view={view} texts={texts} />
        </div>
        <PropertiesPanel locale={locale} view={view} me={me} mayAssign={offered.assign} texts={texts} />
      </div>
    </div>
  );
}
