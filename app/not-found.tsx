import { getEnv } from "@/lib/env";
import { loadMessages } from "@/lib/i18n/messages";

// Paths outside any locale (the proxy sends almost everything into one, so this is rare).
export default async function RootNotFound() {
  const locale = getEnv().DEFAULT_LOCALE;
  const { notFound } = await loadMessages(locale);
  return (
    <html lang={locale}>
      <body className="p-8 font-sans">
        <main>
          <h1 className="text-2xl font-bold">{notFound.title}</h1>
          <p className="mt-2">{notFound.text}</p>
          <a className="mt-4 inline-block text-brand-800 underline" href={`/${locale}`}>
            {notFound.home}
          </a>
        </main>
      </body>
    </html>
  );
}
