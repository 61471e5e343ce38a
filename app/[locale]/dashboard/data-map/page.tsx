import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Card } from "@/components/card";
import { Container } from "@/components/container";
import { DataTable } from "@/components/data-table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/require-staff";
import { DataMapError, loadDataMap, type LoadedMap } from "@/lib/fulfilment/map/load-data-map";
import { describeProblem } from "@/lib/fulfilment/map/parse-data-map";
import { listSourceConnections } from "@/lib/fulfilment/sources/list-source-connections";
import type { Locale } from "@/lib/i18n/locales";
import { DATA_CATEGORIES } from "@/lib/requests/request-types";
import { readyDb } from "@/db/ready";
import { signingKeyAction, sourceAction } from "./actions";
import { SecretFieldForm } from "./secret-field-form";
import { isOneOf } from "@/lib/text/is-one-of";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "fulfilment.mapPage" });
  return { title: t("title"), robots: { index: false, follow: false } };
}


/** The data map in force, as staff read it: sources, tables, fields by policy category, erasure, references; admins store and test connections. */
export default async function DataMapPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await requireStaff({ locale, permission: "requests.read", returnTo: `/${locale}/dashboard/data-map` });
  const t = await getTranslations({ locale, namespace: "fulfilment" });
  const categories = await getTranslations({ locale, namespace: "categories" });
  const format = await getFormatter({ locale });
  let loaded: LoadedMap | null = null;
  let error: DataMapError | null = null;
  try {
    loaded = await loadDataMap();
  } catch (caught) {
    if (!(caught instanceof DataMapError)) throw caught;
    error = caught;
  }
  const connections = await listSourceConnections(await readyDb());
  const manage = can(me.role, "fulfilment.sources.manage");

  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("mapPage.title")}</h1>
      {error ? (
        <div role="alert" className="mt-4 rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">{t("mapPage.problems")}</p>
          <p className="text-sm">{t("mapPage.file", { file: error.file })}</p>
          <ul className="mt-2 list-disc pl-6">
            {error.problems.map((problem, i) => (
              <li key={i}>
                <code>{describeProblem(problem)}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {!loaded && !error ? <p className="mt-4">{t("mapPage.off")}</p> : null}
      {loaded ? (
        <>
          <p className="mt-2 text-muted">
            {t("mapPage.version", { version: loaded.map.version })} · {t("mapPage.file", { file: loaded.file })}
          </p>
          {loaded.map.sources.map((source) => {
            const connection = connections.get(source.id);
            return (
              <Card as="section" key={source.id} aria-labelledby={`source-${source.id}`} className="mt-6">
                <h2 id={`source-${source.id}`} className="text-xl font-semibold">
                  {t("mapPage.sourceTitle", { title: source.title, id: source.id })}
                </h2>
                <p className="text-sm">
                  {t("mapPage.connection", { where: connection ? `${connection.where} · ${format.dateTime(connection.updatedAt, { dateStyle: "long", timeStyle: "short" })}` : t("mapPage.notConfigured") })}
                </p>
                {manage ? <SecretFieldForm
                    locale={locale}
                    sourceId={source.id}
                    action={sourceAction}
                    field={{ name: "url", id: `source-url-${source.id}` }}
                    labels={{ label: t("mapPage.url"), hint: t("mapPage.urlHint"), submit: t("mapPage.testConnection"), pending: t("panel.collecting") }}
                  /> : null}
                <DataTable caption={t("mapPage.fields")} columns={[t("mapPage.collection"), t("mapPage.fields"), t("mapPage.erase"), t("mapPage.references")]} className="mt-4">
                  {source.collections.map((collection) => (
                    <tr key={collection.table} className="border-b border-slate-200 align-top">
                      <td className="py-2 pr-4">
                        <code>{collection.table}</code>
                        <br />
                        <span className="text-sm text-muted">
                          {t("mapPage.key")}: <code>{collection.key}</code>
                        </span>
                      </td>
                      <td className="py-2 pr-4">
                        {collection.fields.map((field) => (
                          <p key={field.column}>
                            <code>{field.column}</code> — {isOneOf(DATA_CATEGORIES, field.category) ? categories(field.category) : field.category}
                            {field.identity ? ` · ${t("mapPage.identity", { kind: field.identity })}` : ""}
                            {collection.erase === "fields" && field.erase ? ` · ${t(`erase.${field.erase}`)}` : ""}
                            {field.reason ? <span className="block text-sm text-muted">{field.reason[locale]}</span> : null}
                          </p>
                        ))}
                      </td>
                      <td className="py-2 pr-4">
                        {collection.erase === "fields" ? "—" : t(`erase.${collection.erase}`)}
                        {collection.reason ? <span className="block text-sm text-muted">{collection.reason[locale]}</span> : null}
                      </td>
                      <td className="py-2">
                        {collection.references.map((reference) => (
                          <p key={reference.column}>
                            <code>
                              {reference.column} → {reference.to}
                            </code>
                            {reference.follow === "to_parent" ? " (→)" : " (↔)"}
                          </p>
                        ))}
                      </td>
                    </tr>
                  ))}
                </DataTable>
              </Card>
            );
          })}
          {loaded.map.http_sources.map((source) => {
            const stored = connections.get(source.id);
            return (
              <Card as="section" key={source.id} aria-labelledby={`source-${source.id}`} className="mt-6">
                <h2 id={`source-${source.id}`} className="text-xl font-semibold">
                  {t("mapPage.httpTitle", { title: source.title, id: source.id })}
                </h2>
                <p className="text-sm">
                  {t("mapPage.signingKey", { state: stored ? t("mapPage.signingKeyStored", { when: format.dateTime(stored.updatedAt, { dateStyle: "long", timeStyle: "short" }) }) : t("mapPage.signingKeyMissing") })}
                  {" · "}
                  {t("mapPage.httpTimeout", { seconds: source.timeout_seconds })}
                </p>
                {manage ? <SecretFieldForm
                    locale={locale}
                    sourceId={source.id}
                    action={signingKeyAction}
                    field={{ name: "signingKey", id: `signing-key-${source.id}`, required: true, minLength: 32 }}
                    labels={{ label: t("mapPage.newSigningKey"), hint: t("mapPage.signingKeyHint"), submit: t("mapPage.saveSigningKey"), pending: t("panel.collecting") }}
                  /> : null}
                <DataTable caption={t("mapPage.httpCalls")} columns={[t("panel.callPurpose"), t("mapPage.httpUrl")]} className="mt-4">
                  {(Object.entries(source.calls) as [keyof typeof source.calls, string | undefined][]).flatMap(([purpose, url]) =>
                    url ? [
                      <tr key={purpose} className="border-b border-slate-200 align-top">
                        <td className="py-2 pr-4">{t(`panel.purpose.${purpose}`)}</td>
                        <td className="py-2 break-all">
                          <code>{url}</code>
                        </td>
                      </tr>,
                    ] : [],
                  )}
                </DataTable>
                {source.collections.length > 0 ? (
                  <DataTable caption={t("mapPage.fields")} columns={[t("mapPage.collection"), t("mapPage.fields")]} className="mt-4">
                    {source.collections.map((collection) => (
                      <tr key={collection.table} className="border-b border-slate-200 align-top">
                        <td className="py-2 pr-4">
                          <code>{collection.table}</code>
                        </td>
                        <td className="py-2">
                          {collection.fields.map((field) => (
                            <p key={field.column}>
                              <code>{field.column}</code> — {isOneOf(DATA_CATEGORIES, field.category) ? categories(field.category) : field.category}
                            </p>
                          ))}
                        </td>
                      </tr>
                    ))}
                  </DataTable>
                ) : null}
              </Card>
            );
          })}
          {loaded.map.corrections.length > 0 ? (
            <Card as="section" aria-labelledby="corrections-title" className="mt-6">
              <h2 id="corrections-title" className="text-xl font-semibold">
                {t("mapPage.corrections")}
              </h2>
              <ul className="mt-2 list-disc pl-6">
                {loaded.map.corrections.map((correction) => (
                  <li key={correction.field}>
                    <code>{correction.target}</code>: {correction.labels.join(", ")}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </>
      ) : null}
    </Container>
  );
}
