"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { buttonClasses } from "@/components/button-link";
import type { ExportFormat, ExportLog } from "@/lib/compliance/export-filters";
import { createRowCounter, downloadFilename } from "@/lib/compliance/export-progress";
import { dateInputToIso } from "@/lib/validation/date-input";
import { isOneOf } from "@/lib/text/is-one-of";
import { DatePickerField } from "@/components/form/date-picker-field";

type Option = { value: string; label: string };

type Progress =
  | { phase: "idle" }
  | { phase: "running"; rows: number; bytes: number; started: boolean }
  | { phase: "done"; rows: number; bytes: number; filename: string }
  | { phase: "cancelled" }
  | { phase: "error"; message: string };

const FILTER_FIELDS = ["format", "from", "to", "type", "status", "jurisdiction"] as const;
// The progress line is a live region: updating it more often than this would flood a screen reader.
const PROGRESS_EVERY_MS = 1000;

/** Saves bytes already in memory as a file, the way a download link would. */
function saveFile(chunks: Uint8Array<ArrayBuffer>[], type: string, filename: string) {
  const url = URL.createObjectURL(new Blob(chunks, { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start reading the object URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * The export form. The file streams in through fetch and a stream reader so the page can say
 * how much has arrived ("N rows / X MB received") and offer to cancel; once complete, it is saved.
 */
export function ExportForm({ timeZone, types, statuses, jurisdictions }: { timeZone: string; types: Option[]; statuses: Option[]; jurisdictions: Option[] }) {
  const t = useTranslations("exports");
  const format = useFormatter();
  const [progress, setProgress] = useState<Progress>({ phase: "idle" });
  const abortRef = useRef<AbortController | null>(null);
  const megabytes = (bytes: number) => format.number(bytes / 1_048_576, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  async function failure(response: Response): Promise<string> {
    if (response.status === 401) return t("progress.unauthenticated");
    if (response.status === 403) return t("progress.forbidden");
    if (response.status === 400) {
      const body = (await response.json().catch(() => null)) as { issues?: { field: string }[] } | null;
      const fields = [...new Set((body?.issues ?? []).map((issue) => issue.field))]
        .map((field) => (isOneOf(FILTER_FIELDS, field) ? t(`form.${field}`) : field))
        .join(", ");
      return t("progress.invalid", { fields });
    }
    return t("progress.failed");
  }

  async function download(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const log = data.get("log") as ExportLog;
    const fileFormat = data.get("format") as ExportFormat;
    const query = new URLSearchParams();
    for (const field of FILTER_FIELDS) {
      const value = data.get(field);
      // The date fields post ISO dates, as the export API takes them (a typed ДД.ММ.ГГГГ is read too).
      if (typeof value === "string" && value !== "") query.set(field, field === "from" || field === "to" ? dateInputToIso(value) : value);
    }
    const controller = new AbortController();
    abortRef.current = controller;
    setProgress({ phase: "running", rows: 0, bytes: 0, started: false });
    try {
      const response = await fetch(`/api/exports/${log}?${query}`, { signal: controller.signal, cache: "no-store" });
      if (!response.ok || !response.body) {
        setProgress({ phase: "error", message: await failure(response) });
        return;
      }
      const reader = response.body.getReader();
      const counter = createRowCounter(fileFormat);
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      let shownAt = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        bytes += value.byteLength;
        counter.add(value);
        if (Date.now() - shownAt >= PROGRESS_EVERY_MS) {
          shownAt = Date.now();
          setProgress({ phase: "running", rows: counter.rows(), bytes, started: true });
        }
      }
      const filename = downloadFilename(response.headers.get("Content-Disposition"), `${log}.${fileFormat}`);
      saveFile(chunks, response.headers.get("Content-Type") ?? "application/octet-stream", filename);
      setProgress({ phase: "done", rows: counter.rows(), bytes, filename });
    } catch (error) {
      if (controller.signal.aborted) setProgress({ phase: "cancelled" });
      else {
        console.error(error);
        setProgress({ phase: "error", message: t("progress.failed") });
      }
    } finally {
      abortRef.current = null;
    }
  }

  const running = progress.phase === "running";
  const statusText =
    progress.phase === "running"
      ? progress.started
        ? t("progress.received", { rows: progress.rows, megabytes: megabytes(progress.bytes) })
        : t("progress.starting")
      : progress.phase === "done"
        ? t("progress.done", { rows: progress.rows, megabytes: megabytes(progress.bytes), filename: progress.filename })
        : progress.phase === "cancelled"
          ? t("progress.cancelled")
          : "";

  const field = "mt-1 block min-h-10 w-full rounded-md border border-slate-400 bg-white px-2 py-1";
  const select = (name: string, label: string, anyLabel: string, options: Option[]) => (
    <div>
      <label htmlFor={`export-${name}`} className="font-medium">{label}</label>
      <select id={`export-${name}`} name={name} defaultValue="" disabled={running} className={field}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </div>
  );
  const radios = (name: string, legend: string, options: Option[]) => (
    <fieldset disabled={running}>
      <legend className="font-medium">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
        {options.map((option, i) => (
          <label key={option.value} className="flex min-h-10 items-center gap-2">
            <input type="radio" name={name} value={option.value} defaultChecked={i === 0} className="h-5 w-5 accent-brand-700" />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );

  return (
    <form method="post" onSubmit={download} aria-label={t("form.label")} className="mt-6 grid grid-cols-1 gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
      <div className="grid grid-cols-1 gap-4 sm:col-span-2 sm:grid-cols-2 lg:col-span-3">
        {radios("log", t("form.log"), [
          { value: "requests", label: t("form.logs.requests") },
          { value: "audit", label: t("form.logs.audit") },
        ])}
        {radios("format", t("form.format"), [
          { value: "csv", label: t("form.formats.csv") },
          { value: "jsonl", label: t("form.formats.jsonl") },
        ])}
      </div>
      <DatePickerField id="export-from" name="from" label={t("form.from")} disabled={running} className="" />
      <DatePickerField id="export-to" name="to" label={t("form.to")} disabled={running} className="" />
      {select("type", t("form.type"), t("form.anyType"), types)}
      {select("status", t("form.status"), t("form.anyStatus"), statuses)}
      {select("jurisdiction", t("form.jurisdiction"), t("form.anyJurisdiction"), jurisdictions)}
      <p className="text-muted sm:col-span-2 lg:col-span-3">
        {t("form.hint", { timeZone })}
      </p>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-3">
        <button type="submit" disabled={running} className={`${buttonClasses("primary")} disabled:opacity-60`}>{t("form.download")}</button>
        <button type="button" disabled={!running} onClick={() => abortRef.current?.abort()} className={`${buttonClasses("secondary")} disabled:opacity-60`}>{t("form.cancel")}</button>
      </div>
      <p role="status" aria-live="polite" className="font-medium sm:col-span-2 lg:col-span-3" data-testid="export-progress">
        {statusText}
      </p>
      {progress.phase === "error" ? (
        <p role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 font-medium text-red-900 sm:col-span-2 lg:col-span-3">
          {progress.message}
        </p>
      ) : null}
    </form>
  );
}
