import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import { getPageTranslations } from "@/lib/i18n/page-translations";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ErrorTextsProvider } from "@/components/error-texts";
import { SkipLink } from "@/components/skip-link";
import { routing } from "@/lib/i18n/routing";

/**
 * The public pages (home, policy, the request forms, lost-link) are static: rendered on their
 * first request in each language and then served from Next's cache until they are revalidated
 * (publishing a policy version, or their own `revalidate`). No locale is prerendered at build
 * time: operator details come from the environment and policy texts from the database, neither
 * of which the build has. Pages that depend on the visitor (status, dashboard, sign-in, …)
 * declare `dynamic = "force-dynamic"` themselves.
 */
export function generateStaticParams(): { locale: string }[] {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getPageTranslations({ locale, namespace: "meta" });
  return { title: { default: t("siteName"), template: `%s · ${t("siteName")}` } };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getPageTranslations({ locale, namespace: "nav" });
  const error = await getPageTranslations({ locale, namespace: "error" });
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col font-sans antialiased">
        <SkipLink targetId="main" label={t("skipToContent")} />
        {/* The error boundaries' words as plain strings: no message formatter goes to the browser
            for them. Pages hand their client components the catalogue namespaces they need
            (components/client-messages.tsx); pages without any ship no i18n library at all. */}
        <ErrorTextsProvider
          texts={{ title: error("title"), text: error("text"), retry: error("retry"), unavailableTitle: error("unavailableTitle"), unavailableText: error("unavailableText") }}
        >
          {/* The frame is the public site's ((site)/layout.tsx) or the staff dashboard's shell
              (dashboard/layout.tsx); each has its <main id="main">. */}
          {children}
        </ErrorTextsProvider>
      </body>
    </html>
  );
}
