import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { Messages } from "@/lib/i18n/messages";

/**
 * Gives the client components below it only the catalogue namespaces they use, instead of every
 * catalogue of the language: the messages travel in each page's RSC payload, and the whole set
 * is ~100 KB per language. Providers do not merge: list every namespace the subtree needs.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly (keyof Messages)[]; children: ReactNode }) {
  const all = (await getMessages()) as Messages;
  const picked = Object.fromEntries(namespaces.map((namespace) => [namespace, all[namespace]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
