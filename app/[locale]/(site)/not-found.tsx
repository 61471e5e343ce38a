import { getTranslations } from "next-intl/server";
import { Container } from "@/components/container";
import { Link } from "@/lib/i18n/navigation";

export default async function LocaleNotFound() {
  const t = await getTranslations("notFound");
  return (
    <Container className="py-12">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-muted">{t("text")}</p>
      <Link href="/" className="mt-6 inline-block text-brand-800 underline">
        {t("home")}
      </Link>
    </Container>
  );
}
