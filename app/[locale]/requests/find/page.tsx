import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Container } from "@/components/container";
import type { Locale } from "@/lib/env";
import { FindForm } from "./find-form";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "intake" });
  return { title: t("find.title") };
}

export default async function FindRequestsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "intake" });
  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("find.title")}</h1>
      <p className="mt-3 max-w-2xl">{t("find.lead")}</p>
      <div className="mt-6">
        <FindForm />
      </div>
    </Container>
  );
}
