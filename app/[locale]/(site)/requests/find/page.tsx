import type { Metadata } from "next";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { Container } from "@/components/container";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";
import { FindForm } from "./find-form";

// Static: rendered once per language on first request, then cached (see app/[locale]/layout.tsx);
// re-rendered hourly at most, as a bound on what a shared cache in front may keep.
export const revalidate = 3600;

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
  // The form's words as plain data: only the parts it says, worded without next-intl's client.
  const { intake } = (await getMessages({ locale })) as Messages;
  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("find.title")}</h1>
      <p className="mt-3 max-w-2xl">{t("find.lead")}</p>
      <div className="mt-6">
        <FindForm locale={locale} messages={{ find: intake.find, errors: intake.errors }} />
      </div>
    </Container>
  );
}
