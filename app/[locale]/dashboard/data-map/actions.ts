"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { staffAction } from "@/lib/auth/staff-action";
import { keyedTranslator, wordFailure } from "@/lib/errors/failure-message-key";
import { loadDataMap } from "@/lib/fulfilment/map/load-data-map";
import { saveSigningKey } from "@/lib/fulfilment/http/signing-key";
import { requireFulfilmentKey } from "@/lib/fulfilment/secrets/fulfilment-key";
import { saveSourceUrl } from "@/lib/fulfilment/sources/save-source-url";
import { testSourceConnection } from "@/lib/fulfilment/sources/test-source-connection";
import { isLocale } from "@/lib/i18n/locales";
import { staffActor } from "@/lib/requests/staff/staff-context";

export type SourceActionState = { kind: "ok" | "problems" | "error" | null; lines: string[] };

/** Admins: store a source's connection URL (sealed), or test the stored one against the map. A form post. */
export async function sourceAction(_previous: SourceActionState, form: FormData): Promise<SourceActionState> {
  const locale = String(form.get("locale") ?? "");
  const sourceId = String(form.get("sourceId") ?? "");
  const url = String(form.get("url") ?? "").trim();
  const language = isLocale(locale) ? locale : "en";
  const t = await getTranslations({ locale: language, namespace: "fulfilment" });
  const result = await staffAction({
    name: "fulfilment.source",
    permission: "fulfilment.sources.manage",
    logContext: { sourceId },
    run: async ({ db, staff }) => {
      const loaded = await loadDataMap();
      if (!loaded) return { kind: "error" as const, lines: [t("panel.off")] };
      if (url) await saveSourceUrl(db, { sourceId, url }, staffActor(staff));
      const tested = await testSourceConnection(db, { sourceId }, loaded.map, staff, undefined, loaded.text);
      if (!tested.ok) return { kind: "error" as const, lines: [t("mapPage.connectionFailed", { error: tested.error })] };
      return tested.problems.length === 0 ? { kind: "ok" as const, lines: [t("mapPage.connectionOk")] } : { kind: "problems" as const, lines: [t("mapPage.connectionProblems"), ...tested.problems] };
    },
  });
  revalidatePath(`/${locale}/dashboard/data-map`);
  if ("kind" in result) return result;
  if (result.error === "invalid") return { kind: "error", lines: [t("mapPage.badUrl")] };
  return { kind: "error", lines: [wordFailure(keyedTranslator(await getTranslations({ locale: language, namespace: "fulfilment.panel" })), result)] };
}

/** Answered like a source's URL (the one form, secret-field-form.tsx); a key has no "problems". */
export type SigningKeyActionState = SourceActionState;

/** Admins: store an HTTP endpoint's signing key (sealed; never shown again). A form post. */
export async function signingKeyAction(_previous: SigningKeyActionState, form: FormData): Promise<SigningKeyActionState> {
  const locale = String(form.get("locale") ?? "");
  const sourceId = String(form.get("sourceId") ?? "");
  const signingKey = String(form.get("signingKey") ?? "");
  const language = isLocale(locale) ? locale : "en";
  const t = await getTranslations({ locale: language, namespace: "fulfilment" });
  const result = await staffAction({
    name: "fulfilment.signing_key",
    permission: "fulfilment.sources.manage",
    logContext: { sourceId },
    run: async ({ db, staff }) => {
      const loaded = await loadDataMap();
      if (!loaded?.map.http_sources.some((source) => source.id === sourceId)) return { kind: "error" as const, lines: [t("panel.errors.not_found")] };
      await saveSigningKey(db, { sourceId, signingKey }, staffActor(staff), requireFulfilmentKey());
      return { kind: "ok" as const, lines: [t("mapPage.signingKeySaved")] };
    },
  });
  revalidatePath(`/${locale}/dashboard/data-map`);
  if ("kind" in result) return result;
  if (result.error === "invalid") return { kind: "error", lines: [t("mapPage.badSigningKey")] };
  return { kind: "error", lines: [wordFailure(keyedTranslator(await getTranslations({ locale: language, namespace: "fulfilment.panel" })), result)] };
}
