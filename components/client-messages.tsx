import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { Messages } from "@/lib/i18n/messages";
import { pickMessagePaths, type Tree } from "@/lib/i18n/pick-message-paths";

/** A catalogue namespace ("intake") or one part of it ("intake.errors"). */
export type MessagePart = { [N in keyof Messages]: N | `${N & string}.${keyof Messages[N] & string}` }[keyof Messages];

/** Only the listed namespaces and parts of the catalogue, in its own nesting. */
export function pickMessages(all: Messages, parts: readonly MessagePart[]): Record<string, Record<string, unknown>> {
  return pickMessagePaths(all as unknown as Tree, parts) as Record<string, Record<string, unknown>>;
}

/**
 * Gives the client components below it only the catalogue namespaces (or parts of them) they
 * use, instead of every catalogue of the language: the messages travel in each page's RSC
 * payload, and the whole set is ~100 KB per language. Providers do not merge: list every
 * namespace or part the subtree needs.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly MessagePart[]; children: ReactNode }) {
  const all = (await getMessages()) as Messages;
  return <NextIntlClientProvider messages={pickMessages(all, namespaces)}>{children}</NextIntlClientProvider>;
}
