import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import type { FulfilmentView } from "@/lib/fulfilment/runs/get-fulfilment-view";
import type { Locale } from "@/lib/i18n/locales";
import { RunButton } from "./run-button";

/**
 * The request's calls to the operator's HTTP endpoints (lib/fulfilment/http): what each was asked,
 * its answer in counts, or why it failed — with a button to try a failed one again.
 */
export async function HttpCallsList({ locale, requestId, calls, mayRetry }: { locale: Locale; requestId: string; calls: FulfilmentView["calls"]; mayRetry: boolean }) {
  if (calls.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "fulfilment.panel" });
  const format = await getFormatter({ locale });
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "medium" });
  return (
    <div data-testid="http-calls">
      <DataTable caption={t("callsTitle")} captionClassName="text-left font-semibold mb-2" columns={[t("callEndpoint"), t("callPurpose"), t("callStatus")]} className="mt-4">
        {calls.map((call) => {
          const answer = (call.answer ?? {}) as { rows?: number; erased?: number; actions?: string };
          return (
            <tr key={call.id} className="border-b border-slate-200 align-top">
              <td className="py-2 pr-4">{call.title}</td>
              <td className="py-2 pr-4">{t(`purpose.${call.purpose}`)}</td>
              <td className="py-2">
                {call.status === "done" ? (
                  <p role="status">
                    {t("callDone", { when: when(call.finishedAt ?? call.createdAt) })}{" "}
                    {answer.rows !== undefined ? t("callRows", { count: answer.rows }) : null}
                    {answer.erased !== undefined ? t("callErased", { count: answer.erased }) : null}
                    {answer.actions ? t("callActions", { actions: answer.actions }) : null}
                  </p>
                ) : call.status === "failed" ? (
                  <>
                    <p role="alert" className="font-medium text-red-900">
                      {t("callFailed", { attempts: call.attempts, error: call.lastError ?? "" })}
                    </p>
                    {mayRetry ? <RunButton locale={locale} verb="retryCall" requestId={requestId} callId={call.id} label={t("retryCall", { title: call.title })} pendingLabel={t("collecting")} /> : null}
                  </>
                ) : call.attempts === 0 ? (
                  <p role="status">{t("callQueued")}</p>
                ) : (
                  <>
                    <p role="status">{t("callPending", { attempts: call.attempts, when: when(call.nextAttemptAt) })}</p>
                    {call.lastError ? <p className="text-amber-900">{t("callLastError", { error: call.lastError })}</p> : null}
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </div>
  );
}
