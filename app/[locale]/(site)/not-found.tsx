import { getLocale, getTranslations } from "next-intl/server";
import { Container } from "@/components/container";
import { localePath } from "@/lib/i18n/locale-path";
import type { Locale } from "@/lib/i18n/locales";

export default async function LocaleNotFound() {
  const t = await getTranslations("notFound");
  const locale = (await getLocale()) as Locale;
  return (
    <Container className="py-12">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-muted">{t("text")}</p>
      <a href={localePath(locale, "/")} className="mt-6 inline-block text-brand-800 underline">
        {t("home")}
      </a>
    </Container>
  );
}
