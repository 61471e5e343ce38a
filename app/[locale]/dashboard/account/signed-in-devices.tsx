import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import type { SessionListItem } from "@/lib/auth/staff-sessions";
import { getEnv } from "@/lib/env";
import { type Locale } from "@/lib/i18n/locales";
import { formatDateTime } from "@/lib/i18n/translator";
import { signOutEverywhereAction } from "./actions";

/** The account page's list of live sessions, with "sign out everywhere". */
export async function SignedInDevices({ locale, sessions }: { locale: Locale; sessions: SessionListItem[] }) {
  const t = await getTranslations({ locale, namespace: "staffAdmin.account.devices" });
  const when = (date: Date) => formatDateTime(date, locale, getEnv().OPERATOR_TIME_ZONE);
  return (
    <section aria-labelledby="devices-title" className="mt-10">
      <h2 id="devices-title" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="mt-2 max-w-2xl text-muted">{t("lead", { idle: getEnv().STAFF_SESSION_IDLE_MINUTES, hours: getEnv().STAFF_SESSION_MAX_HOURS })}</p>
      <DataTable caption={t("title")} className="mt-3" columns={[t("device"), t("ip"), t("signedIn"), t("lastActive")]}>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id} className="border-b border-slate-200 align-top">
              <td className="py-2 pr-4">
                <bdi>{session.userAgent || t("unknownDevice")}</bdi>
                {session.current ? <strong className="ml-2">{t("thisDevice")}</strong> : null}
              </td>
              <td className="py-2 pr-4">{session.ip}</td>
              <td className="py-2 pr-4">{when(session.createdAt)}</td>
              <td className="py-2">{when(session.lastSeenAt)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <form action={signOutEverywhereAction} className="mt-4">
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="inline-flex min-h-11 items-center rounded-md border border-red-700 px-5 py-2 font-semibold text-red-800 hover:bg-red-50">
          {t("signOutEverywhere")}
        </button>
      </form>
    </section>
  );
}
