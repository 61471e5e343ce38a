import { hasLocale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { checkStaff } from "@/lib/auth/current-staff";
import { ccpaCsvFilename, ccpaTableCsv } from "@/lib/compliance/ccpa-csv";
import { ccpaTableInput, downloadCcpaTable } from "@/lib/compliance/reports";
import { contentDisposition } from "@/lib/files/download-response";
import { routing } from "@/lib/i18n/routing";
import { readyDb } from "@/db/ready";

export const dynamic = "force-dynamic";

const refusal = (status: 400 | 401 | 403 | 404) => new Response(null, { status, headers: { "Cache-Control": "no-store" } });

/**
 * The CCPA §7102 table for ?year=YYYY (and &scope=all|ccpa) as a CSV download, headed in the
 * page's language. Each download is recorded in the audit log ("report.downloaded").
 */
export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const check = await checkStaff("compliance.read");
  if (!check.ok) return refusal(check.status);
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return refusal(404);
  const search = new URL(request.url).searchParams;
  const input = ccpaTableInput.omit({ timeZone: true }).safeParse({ year: search.get("year") ?? undefined, scope: search.get("scope") || undefined });
  if (!input.success) return refusal(400);

  const table = await downloadCcpaTable(await readyDb(), input.data, check.staff);
  const t = await getTranslations({ locale, namespace: "reports.ccpa" });
  const csv = ccpaTableCsv(table, {
    requestType: t("requestType"),
    received: t("received"),
    compliedInWholeOrPart: t("compliedInWholeOrPart"),
    denied: t("denied"),
    medianDays: t("medianDays"),
    types: { delete: t("types.delete"), correct: t("types.correct"), know: t("types.know") },
  });
  return new Response(csv, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(ccpaCsvFilename(table)),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
