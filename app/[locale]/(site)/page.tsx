import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/button-link";
import { Card } from "@/components/card";
import { Container } from "@/components/container";
import type { Locale } from "@/lib/i18n/locales";
import { getOperator } from "@/lib/operator";
import { REQUEST_TYPES } from "@/lib/requests/request-types";
import { REQUEST_TYPE_REGISTRY } from "@/lib/requests/types";

// Static: rendered once per language on first request, then cached (see app/[locale]/layout.tsx);
// re-rendered hourly at most, as a bound on what a shared cache in front may keep.
export const revalidate = 3600;

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "meta" });
  const operator = getOperator(locale).name;
  return { title: t("homeTitle", { operator }), description: t("homeDescription", { operator }) };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="py-8">
      <h2 id={`${id}-title`} className="text-2xl font-bold">
        {title}
      </h2>
      <div className="mt-4">{children}</div>
    </section>
  );
}

export default async function HomePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "home" });
  const types = await getTranslations({ locale, namespace: "requestTypes" });
  const operator = getOperator(locale);
  const emailLink = (chunks: ReactNode) => (
    <a className="text-brand-800 underline" href={`mailto:${operator.supportEmail}`}>
      {chunks}
    </a>
  );

  return (
    <>
      <div className="bg-brand-50">
        <Container className="py-10 sm:py-14">
          <h1 className="max-w-3xl text-2xl font-bold leading-tight sm:text-4xl">{t("hero.title", { operator: operator.name })}</h1>
          <p className="mt-4 max-w-3xl text-lg text-muted">{t("hero.lead")}</p>
          <ButtonLink href="#requests" className="mt-6">
            {t("hero.cta")}
          </ButtonLink>
        </Container>
      </div>

      <Container>
        <Section id="collect" title={t("collect.title")}>
          <div className="grid gap-4 md:grid-cols-3">
            {(["personal", "other", "surveys"] as const).map((kind) => (
              <Card key={kind} as="article">
                <h3 className="text-lg font-semibold">{t(`collect.${kind}Title`)}</h3>
                <p className="mt-2 text-muted">{t(`collect.${kind}Text`)}</p>
              </Card>
            ))}
          </div>
        </Section>

        <Section id="use" title={t("use.title")}>
          <ul className="list-disc space-y-1 pl-6">
            {(["registration", "support", "statistics", "permitted", "contact", "surveys"] as const).map((purpose) => (
              <li key={purpose}>{t(`use.${purpose}`)}</li>
            ))}
          </ul>
        </Section>

        <Section id="disclose" title={t("disclose.title")}>
          <p>{t("disclose.intro")}</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {(["law", "rights", "investigation", "corporate", "consent"] as const).map((reason) => (
              <li key={reason}>{t(`disclose.${reason}`)}</li>
            ))}
          </ul>
          <p className="mt-4 font-medium">{t("disclose.noSale")}</p>
        </Section>

        <Section id="protect" title={t("protect.title")}>
          <p>{t("protect.text")}</p>
          <p className="mt-3 rounded-md border-l-4 border-amber-500 bg-amber-50 p-3">{t("protect.passwords")}</p>
        </Section>

        <section id="requests" aria-labelledby="requests-title" className="scroll-mt-4 py-8">
          <h2 id="requests-title" className="text-2xl font-bold">
            {t("requests.title")}
          </h2>
          <p className="mt-2 max-w-3xl text-muted">{t("requests.lead")}</p>
          <ul className="mt-6 grid gap-4 sm:grid-cols-2">
            {REQUEST_TYPES.map((type) => (
              <Card key={type} as="li" className="flex flex-col">
                <h3 className="text-lg font-semibold">{types(`${type}.title`)}</h3>
                <p className="mt-2 flex-1 text-muted">{types(`${type}.description`)}</p>
                <ButtonLink
                  href={`/${locale}/requests/new/${type}`}
                  variant={REQUEST_TYPE_REGISTRY[type].urgent ? "primary" : "secondary"}
                  className="mt-4 self-start"
                >
                  {types(`${type}.cta`)}
                </ButtonLink>
              </Card>
            ))}
          </ul>
          <p className="mt-4 text-sm text-muted">{t("requests.onBehalf")}</p>
        </section>

        <Section id="contact" title={t("contact.title")}>
          <p>{t.rich("contact.text", { email: operator.supportEmail, link: emailLink })}</p>
        </Section>
      </Container>
    </>
  );
}
