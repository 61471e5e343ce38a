import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { buttonClasses } from "@/components/button-link";
import { Container } from "@/components/container";
import { requireStaff } from "@/lib/auth/require-staff";
import { isLocale, LOCALES, type Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { LOCALE_NAMES } from "@/lib/i18n/routing";
import { listReplyTemplates, listSampleRequests } from "@/lib/replies/templates";
import { readyDb } from "@/db/ready";
import { TemplateEditor } from "./template-editor";
import { ScrollFrame } from "@/components/scroll-frame";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<{ lang?: string; edit?: string; saved?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "replies.templates" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** Admins: the reply templates of one language, an edit form for one of them (or a new one), and a preview. */
export default async function TemplatesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await requireStaff({ locale, permission: "templates.manage", returnTo: `/${locale}/dashboard/templates` });
  const query = await searchParams;
  const lang = isLocale(query.lang) ? query.lang : locale;
  const db = await readyDb();
  const templates = await listReplyTemplates(db, me, { locale: lang });
  const editing = query.edit === "new" ? "new" : templates.find((template) => template.id === query.edit) ?? null;
  const samples = editing ? await listSampleRequests(db, me) : [];
  const t = await getTranslations({ locale, namespace: "replies.templates" });
  const format = await getFormatter({ locale });
  const href = (params: Record<string, string>) => `/dashboard/templates?${new URLSearchParams(params).toString()}`;

  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 max-w-3xl text-muted">{t("lead")}</p>

      <nav aria-label={t("languages")} className="mt-6">
        <ul className="flex flex-wrap gap-2">
          {LOCALES.map((value) => (
            <li key={value}>
              <Link
                href={href({ lang: value })}
                aria-current={value === lang ? "page" : undefined}
                lang={value}
                className={`inline-flex min-h-10 items-center rounded-md border px-3 ${value === lang ? "border-brand-700 bg-brand-700 text-white" : "border-slate-400 bg-white text-brand-800 underline"}`}
              >
                {LOCALE_NAMES[value]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="templates-list-title" className="mt-6">
        <h2 id="templates-list-title" className="sr-only">
          {`${t("title")}: ${LOCALE_NAMES[lang]}`}
        </h2>
        {templates.length === 0 ? (
          <p className="text-muted">{t("empty")}</p>
        ) : (
          <ScrollFrame labelledBy="templates-list-title">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{`${t("title")}: ${LOCALE_NAMES[lang]}`}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-4">{t("columns.name")}</th>
                  <th scope="col" className="py-2 pr-4">{t("columns.key")}</th>
                  <th scope="col" className="py-2 pr-4">{t("columns.subject")}</th>
                  <th scope="col" className="py-2 pr-4">{t("columns.updated")}</th>
                  <th scope="col" className="py-2"><span className="sr-only">{t("edit")}</span></th>
                </tr>
              </thead>
              <tbody>
                {templates.map((template) => (
                  <tr key={template.id} className="border-b border-slate-200 align-top">
                    <td className="py-2 pr-4 font-medium" lang={lang}>{template.name}</td>
                    <td className="py-2 pr-4 font-mono">{template.key}</td>
                    <td className="py-2 pr-4" lang={lang}>{template.subject}</td>
                    <td className="py-2 pr-4">
                      {template.updatedByName
                        ? t("updatedBy", { date: format.dateTime(template.updatedAt, { dateStyle: "long" }), name: template.updatedByName })
                        : format.dateTime(template.updatedAt, { dateStyle: "long" })}
                    </td>
                    <td className="py-2">
                      <Link href={`${href({ lang, edit: template.id })}#template-editor`} aria-label={t("editLabel", { name: template.name })} className="text-brand-800 underline">
                        {t("edit")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
        )}
        <Link href={`${href({ lang, edit: "new" })}#template-editor`} className={`${buttonClasses("secondary")} mt-4`}>
          {t("new")}
        </Link>
      </section>

      {editing ? (
        <section id="template-editor" aria-labelledby="template-editor-title" className="mt-10 border-t border-slate-200 pt-6">
          <h2 id="template-editor-title" className="text-2xl font-semibold">
            {editing === "new" ? t("newTitle") : t("editTitle", { name: editing.name })}
          </h2>
          <p className="mt-1">
            <Link href={href({ lang })} className="text-sm text-brand-800 underline">
              {t("backToList")}
            </Link>
          </p>
          <div className="mt-4">
            <TemplateEditor
              key={editing === "new" ? `new-${lang}` : editing.id}
              locale={locale}
              template={editing === "new" ? null : { id: editing.id, key: editing.key, locale: editing.locale, name: editing.name, subject: editing.subject, body: editing.body }}
              newLocale={lang}
              justSaved={query.saved === "1" && editing !== "new"}
              samples={samples.map((sample) => ({ id: sample.id, reference: sample.reference, locale: sample.locale }))}
            />
          </div>
        </section>
      ) : null}
    </Container>
  );
}
