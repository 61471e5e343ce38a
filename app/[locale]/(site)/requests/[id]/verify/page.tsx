import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { Container } from "@/components/container";
import type { Locale } from "@/lib/i18n/locales";
import { codeSentTo, verifyPath } from "../../code-sent-to";
import { CodeSentToNote } from "./code-sent-to-note";
import { VerifyForm } from "./verify-form";

// Depends on the visitor or the database at request time: never served from the page cache.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "intake" });
  return { title: t("verify.title") };
}

// The page looks the same for every id, real or not: it reveals nothing about who filed what. Only
// the browser that filed the request has the masked address to show (code-sent-to.ts without
// JavaScript, code-sent-to-session.ts with it).
export default async function VerifyPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "intake" });
  const sentTo = await codeSentTo();
  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("verify.title")}</h1>
      <p className="mt-3 max-w-2xl">{t("verify.lead")}</p>
      <ClientMessages namespaces={["intake"]}>
        <CodeSentToNote fromCookie={sentTo} verifyPath={verifyPath(locale, id)} />
        <div className="mt-6">
          <VerifyForm requestId={id} />
        </div>
      </ClientMessages>
    </Container>
  );
}
