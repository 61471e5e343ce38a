import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { Container } from "@/components/container";
import { runPublicAction } from "@/lib/actions/public-action";
import type { Locale } from "@/lib/i18n/locales";
import { verifyRequestByLink } from "@/lib/requests/verify-request";
import { submitButtonClasses } from "@/components/button-link";

// Depends on the visitor or the database at request time: never served from the page cache.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; token: string }>; searchParams: Promise<{ error?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "intake" });
  return { title: t("confirm.title") };
}

/**
 * The one-click link from the email. Opening it changes nothing (mail scanners open links);
 * the button does, through a server action.
 */
export default async function ConfirmPage({ params, searchParams }: Props) {
  const { locale, token } = await params;
  const { error } = await searchParams;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "intake" });

  async function confirm() {
    "use server";
    const result = await runPublicAction("confirmLink", ({ db }) => verifyRequestByLink(db, { linkToken: token }));
    if (result.ok) redirect(result.statusUrl.replace(/^https?:\/\/[^/]+/, ""));
    const code = result.error === "expired" || result.error === "locked" ? result.error : result.error === "unexpected" ? "unexpected" : "invalidLink";
    redirect(`/${locale}/requests/confirm/${token}?error=${code}`);
  }

  const message =
    error === "expired" ? t("confirm.expired") : error === "locked" ? t("confirm.locked") : error === "unexpected" ? t("errors.unexpected") : error ? t("confirm.invalidLink") : null;

  return (
    <Container className="py-8">
      <h1 className="text-3xl font-bold">{t("confirm.title")}</h1>
      {message ? (
        <p role="alert" className="mt-4 max-w-2xl rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {message}
        </p>
      ) : (
        <>
          <p className="mt-3 max-w-2xl">{t("confirm.lead")}</p>
          <form action={confirm} className="mt-6">
            <button type="submit" className={submitButtonClasses}>
              {t("confirm.submit")}
            </button>
          </form>
        </>
      )}
    </Container>
  );
}
