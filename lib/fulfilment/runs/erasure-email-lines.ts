import type { Locale } from "@/lib/i18n/locales";
import { getTranslator } from "@/lib/i18n/translator";
import type { DataCategory } from "@/lib/requests/request-types";
import type { SourceErasure } from "../erase/erasure-plan";
import { describedSource, type DataMap } from "../map/map-schema";

/**
 * The requester's confirmation, line by line in their language: what was erased (by the policy's
 * categories, with counts) and what was kept with the map's legal reason. Collections outside
 * the categories they asked about are not mentioned.
 */
export async function erasureEmailLines(map: DataMap, results: SourceErasure[], locale: Locale): Promise<{ erased: string[]; kept: string[] }> {
  const t = await getTranslator(locale);
  const erased: string[] = [];
  const kept: string[] = [];
  for (const result of results) {
    const source = describedSource(map, result.sourceId);
    if (!source) continue;
    for (const step of result.collections) {
      const collection = source.collections.find((candidate) => candidate.table === step.table);
      if (!collection || step.rows === 0) continue;
      const what = [...new Set(collection.fields.map((field) => t(`categories.${field.category as DataCategory}`)))].join(", ");
      if (step.action === "delete_row") erased.push(t("fulfilment.confirmation.deleted", { what, count: step.rows }));
      else if (step.action === "keep" && step.reason !== "outside_categories") kept.push(t("fulfilment.confirmation.kept", { what, reason: step.reason[locale] }));
      else if (step.action === "fields") {
        for (const field of step.fields) {
          const fieldWhat = `${t(`categories.${collection.fields.find((f) => f.column === field.column)!.category as DataCategory}`)} (${field.column})`;
          if (field.erase === "keep" && field.reason && field.rows > 0) kept.push(t("fulfilment.confirmation.kept", { what: fieldWhat, reason: field.reason[locale] }));
          else if (field.erase !== "keep" && field.rows > 0) erased.push(t("fulfilment.confirmation.fieldErased", { what: fieldWhat, how: t(`fulfilment.erase.${field.erase}`) }));
        }
      }
    }
  }
  return { erased, kept };
}
