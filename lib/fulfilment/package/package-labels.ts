import type { Request } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { getTranslator, formatDateTime } from "@/lib/i18n/translator";
import { getOperator } from "@/lib/operator";
import { DATA_CATEGORIES, type DataCategory } from "@/lib/requests/request-types";
import type { PackageLabels } from "./build-access-package";

/** The package summary's words in the requester's language. */
export async function packageLabels(request: Request, now: Date): Promise<PackageLabels> {
  const t = await getTranslator(request.locale);
  const operator = getOperator(request.locale);
  return {
    lang: request.locale,
    title: t("fulfilment.package.title"),
    intro: t("fulfilment.package.intro", { operator: operator.name, reference: request.reference ?? "", date: formatDateTime(now, request.locale, getEnv().OPERATOR_TIME_ZONE) }),
    filesNote: t("fulfilment.package.files"),
    nothingFound: t("fulfilment.package.nothingFound"),
    capped: (table, count) => t("fulfilment.package.capped", { table, count }),
    categories: Object.fromEntries(DATA_CATEGORIES.map((category) => [category, t(`categories.${category}`)])) as Record<DataCategory, string>,
  };
}
