import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/card";
import { DataTable } from "@/components/data-table";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { can } from "@/lib/auth/permissions";
import type { CollectionStep, SourceErasure } from "@/lib/fulfilment/erase/erasure-plan";
import type { CollectionCount } from "@/lib/fulfilment/package/collected-data";
import type { CorrectionMatch } from "@/lib/fulfilment/correct/match-corrections";
import { getFulfilmentView } from "@/lib/fulfilment/runs/get-fulfilment-view";
import type { Locale } from "@/lib/i18n/locales";
import { DATA_CATEGORIES } from "@/lib/requests/request-types";
import type { Request } from "@/db/schema";
import { readyDb } from "@/db/ready";
import { PACKAGE_TOO_LARGE } from "@/lib/fulfilment/runs/run-support";
import { HttpCallsList } from "./http-calls-list";
import { RunButton } from "./run-button";
import { isOneOf } from "@/lib/text/is-one-of";


/**
 * The request page's "Data in our systems" card (lib/fulfilment): for an access request collect →
 * preview → deliver; for a deletion dry run → a second person's approval → erasure and its
 * results. Counts only: the data itself is in the package, never on this page.
 */
export async function FulfilmentPanel({ locale, request, staff }: { locale: Locale; request: Pick<Request, "id" | "type" | "status">; staff: CurrentStaff }) {
  const view = await getFulfilmentView(await readyDb(), request.id);
  // A credential-misuse report has no run: only its "secure this account" calls, when the map has them.
  if (request.type === "credential_misuse" && view.calls.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "fulfilment" });
  const categories = await getTranslations({ locale, namespace: "categories" });
  const format = await getFormatter({ locale });
  const { run } = view;
  const mayRun = can(staff.role, "fulfilment.run");
  const mayApprove = can(staff.role, "fulfilment.approve");
  const common = { locale, requestId: request.id };
  const identityBoxes = [
    { name: "usePhone" as const, label: t("panel.usePhone") },
    { name: "useAccountId" as const, label: t("panel.useAccountId") },
  ];
  const categoryName = (value: string) => (isOneOf(DATA_CATEGORIES, value) ? categories(value) : value);

  const calls = <HttpCallsList locale={locale} requestId={request.id} calls={view.calls} mayRetry={mayRun} />;
  const body = (() => {
    if (request.type === "credential_misuse") return null;
    if (!view.map) return <p>{t("panel.off")}</p>;
    if (view.map.problems > 0) return <p role="alert">{t("panel.mapBroken", { count: view.map.problems })}</p>;
    if (!run) {
      if (!mayRun) return null;
      if (request.status !== "in_progress") return <p>{t("panel.startFirst")}</p>;
      if (request.type === "correction") return <RunButton {...common} verb="planCorrection" label={t("panel.matchCorrections")} pendingLabel={t("panel.collecting")} />;
      return request.type === "access" ? (
        <RunButton {...common} verb="collect" label={t("panel.collect")} pendingLabel={t("panel.collecting")} checkboxes={identityBoxes} />
      ) : (
        <RunButton {...common} verb="plan" label={t("panel.dryRun")} pendingLabel={t("panel.collecting")} checkboxes={identityBoxes} />
      );
    }
    const sizes = run.summary as { packageBytes?: number; packageMaxBytes?: number };
    const megabytes = (bytes = 0) => format.number(bytes / 1024 / 1024, { maximumFractionDigits: 1 });
    const waitingForCalls = view.calls.some((call) => call.runId === run.id && call.status === "pending");
    const failed =
      run.status === "failed" ? (
        <p role="alert" className="text-red-900">
          {run.error === PACKAGE_TOO_LARGE ? t("panel.packageTooLarge", { size: megabytes(sizes.packageBytes), limit: megabytes(sizes.packageMaxBytes) }) : t("panel.failed", { error: run.error ?? "" })}
        </p>
      ) : (run.status === "collecting" || run.status === "executing") && waitingForCalls ? (
        <p role="status">{t("panel.waitingForSystems")}</p>
      ) : run.status === "collecting" || run.status === "planning" ? (
        <p role="status">{t("panel.collecting")}</p>
      ) : run.status === "executing" || run.status === "approved" ? (
        <p role="status">{t("panel.erasing")}</p>
      ) : null;

    if (run.step === "access") {
      const counts = ((run.summary as { counts?: CollectionCount[] }).counts ?? []) as CollectionCount[];
      return (
        <>
          {failed}
          {run.status === "failed" && mayRun ? <RunButton {...common} verb="collect" label={t("panel.retry")} pendingLabel={t("panel.collecting")} /> : null}
          {counts.length > 0 ? (
            <DataTable caption={t("panel.previewTitle")} captionClassName="text-left font-semibold mb-2" columns={[t("panel.source"), t("panel.collection"), t("panel.rows"), t("panel.fields")]} className="mt-3">
              {counts.map((count) => (
                <tr key={`${count.sourceId}.${count.table}`} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-4">{count.sourceId}</td>
                  <td className="py-2 pr-4">{count.table}</td>
                  <td className="py-2 pr-4">
                    {count.rows}
                    {count.capped ? <p className="text-amber-900">{t("panel.capped", { count: count.rows })}</p> : null}
                  </td>
                  <td className="py-2">
                    {Object.entries(count.categories).map(([category, columns]) => (
                      <p key={category}>
                        <strong>{categoryName(category)}:</strong> {columns.join(", ")}
                      </p>
                    ))}
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : null}
          {run.status === "preview" && mayRun ? <RunButton {...common} verb="deliver" runId={run.id} label={t("panel.approveDeliver")} pendingLabel={t("panel.collecting")} /> : null}
          {run.status === "delivered" ? <p role="status">{t("panel.delivered")}</p> : null}
        </>
      );
    }

    if (run.step === "correction") {
      const { matches = [], applied = [] } = run.summary as { matches?: CorrectionMatch[]; applied?: { index: number; target: string; rows: number }[] };
      return (
        <>
          {failed}
          <DataTable caption={t("panel.correctionsTitle")} captionClassName="text-left font-semibold mb-2" columns={[t("panel.requestedField"), t("panel.column"), t("panel.rows")]} className="mt-3">
            {matches.map((match) => (
              <tr key={match.index} className="border-b border-slate-200 align-top">
                <td className="py-2 pr-4">
                  <bdi>{match.field}</bdi>
                </td>
                <td className="py-2 pr-4">{match.target ? `${match.target.sourceId}.${match.target.table}.${match.target.column}` : t("panel.notMapped")}</td>
                <td className="py-2">{applied.find((entry) => entry.index === match.index)?.rows ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
          {(run.status === "awaiting_approval" || run.status === "failed") && mayRun ? (
            <RunButton
              {...common}
              verb="applyCorrections"
              runId={run.id}
              label={t("panel.applyCorrections")}
              pendingLabel={t("panel.collecting")}
              checkboxes={matches.filter((match) => match.target).map((match) => ({ name: "approve" as const, value: String(match.index), label: t("panel.approveChange", { field: match.field }) }))}
            />
          ) : null}
          {run.status === "done" ? <p role="status">{t("panel.corrected")}</p> : null}
        </>
      );
    }

    const summary = run.summary as { plan?: SourceErasure[]; results?: SourceErasure[] };
    const shown = run.status === "done" ? summary.results : summary.plan;
    const stepRows = (step: CollectionStep) => {
      if (step.action === "fields") return step.fields.map((field) => ({ key: `${step.table}.${field.column}`, what: `${step.table}.${field.column}`, action: t(`erase.${field.erase}`), rows: field.rows, reason: field.reason?.[locale] ?? "" }));
      const reason = step.action === "keep" ? (step.reason === "outside_categories" ? t("panel.outsideCategories") : step.reason[locale]) : "";
      return [{ key: step.table, what: step.table, action: t(`erase.${step.action}`), rows: step.rows, reason }];
    };
    return (
      <>
        {failed}
        {shown?.map((source) => (
          <DataTable
            key={source.sourceId}
            caption={`${run.status === "done" ? t("panel.resultTitle") : t("panel.planTitle")} — ${source.sourceId}`}
            captionClassName="text-left font-semibold mb-2"
            columns={[t("panel.collection"), t("panel.action"), t("panel.rows"), t("panel.reason")]}
            className="mt-3"
          >
            {source.collections.flatMap(stepRows).map((row) => (
              <tr key={row.key} className="border-b border-slate-200 align-top">
                <td className="py-2 pr-4">{row.what}</td>
                <td className="py-2 pr-4">{row.action}</td>
                <td className="py-2 pr-4">{row.rows}</td>
                <td className="py-2">{row.reason}</td>
              </tr>
            ))}
          </DataTable>
        ))}
        {run.status === "awaiting_approval" && view.erasureEndpoints.length > 0 ? <p className="mt-3">{t("panel.erasureAlsoAsks", { titles: view.erasureEndpoints.join(", ") })}</p> : null}
        {run.status === "awaiting_approval" && view.mapChanged ? (
          <>
            <p role="alert" className="mt-3 text-red-900">
              {t("panel.mapChanged", { version: view.map.version })}
            </p>
            {mayRun ? <RunButton {...common} verb="planAgain" runId={run.id} label={t("panel.planAgain")} pendingLabel={t("panel.collecting")} /> : null}
          </>
        ) : run.status === "awaiting_approval" ? (
          mayApprove && run.startedBy !== staff.id ? (
            <RunButton {...common} verb="approve" runId={run.id} label={t("panel.approveErase")} pendingLabel={t("panel.erasing")} />
          ) : (
            <p role="status">{t("panel.awaitingApproval")}</p>
          )
        ) : null}
        {run.status === "failed" && run.approvedBy && mayApprove ? <RunButton {...common} verb="resume" runId={run.id} label={t("panel.resume")} pendingLabel={t("panel.erasing")} /> : null}
        {run.status === "failed" && !run.approvedBy && mayRun && request.status === "in_progress" ? <RunButton {...common} verb="plan" label={t("panel.retry")} pendingLabel={t("panel.collecting")} /> : null}
        {run.status === "done" ? <p role="status">{t("panel.erased")}</p> : null}
      </>
    );
  })();

  return (
    <Card as="section" aria-labelledby="fulfilment-title" className="mt-6">
      <h2 id="fulfilment-title" className="text-xl font-semibold">
        {t("panel.title")}
      </h2>
      {run ? (
        <p className="text-sm text-muted">
          {t("panel.mapVersion", { version: run.mapVersion })} · {format.dateTime(run.updatedAt, { dateStyle: "long", timeStyle: "short" })}
        </p>
      ) : null}
      {body}
      {calls}
    </Card>
  );
}
