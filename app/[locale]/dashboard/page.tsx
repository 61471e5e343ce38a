import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Container } from "@/components/container";
import { requireStaff } from "@/lib/auth/require-staff";
import type { Locale } from "@/lib/env";
import { listQueue } from "@/lib/requests/list-queue";
import type { RequestType } from "@/lib/requests/request-types";
import { readyDb } from "@/lib/startup/ensure-app-ready";
import { SignOutButton } from "./sign-out-button";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.queue" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function DashboardPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await requireStaff({ locale, returnTo: `/${locale}/dashboard` });
  const t = await getTranslations({ locale, namespace: "staff" });
  const types = await getTranslations({ locale, namespace: "requestTypes" });
  const statuses = await getTranslations({ locale, namespace: "status.statuses" });
  const format = await getFormatter({ locale });
  const queue = await listQueue(await readyDb());

  return (
    <Container className="py-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">{t("queue.title")}</h1>
        <div className="flex items-center gap-3 text-sm">
          <span data-testid="signed-in-as">{t("nav.signedInAs", { name: me.name, role: t(`roles.${me.role}`) })}</span>
          <SignOutButton label={t("nav.signOut")} callbackUrl={`/${locale}/staff/sign-in`} />
        </div>
      </div>
      {queue.length === 0 ? (
        <p className="mt-6 text-muted">{t("queue.empty")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("queue.title")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{t("queue.reference")}</th>
                <th scope="col" className="py-2 pr-4">{t("queue.type")}</th>
                <th scope="col" className="py-2 pr-4">{t("queue.status")}</th>
                <th scope="col" className="py-2 pr-4">{t("queue.requester")}</th>
                <th scope="col" className="py-2">{t("queue.due")}</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((item) => (
                <tr key={item.id} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-4 font-mono">
                    {item.reference}
                    {item.urgent ? <span className="ml-2 rounded bg-red-100 px-1 text-red-900">{t("queue.urgent")}</span> : null}
                    {item.duplicateOfId ? <span className="ml-2 rounded bg-amber-100 px-1 text-amber-900">{t("queue.duplicate")}</span> : null}
                  </td>
                  <td className="py-2 pr-4">{types(`${item.type as RequestType}.title`)}</td>
                  <td className="py-2 pr-4">{statuses(item.status)}</td>
                  <td className="py-2 pr-4 break-all">
                    {item.requesterName}
                    <br />
                    <span className="text-muted">{item.requesterEmail}</span>
                  </td>
                  <td className="py-2">{item.dueAt ? format.dateTime(item.dueAt, { dateStyle: "medium", timeStyle: "short" }) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Container>
  );
}
