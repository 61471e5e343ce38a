import type { Locale } from "@/lib/env";
import type ru from "./messages/ru.json";

export type Messages = typeof ru;

export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await import(`./messages/${locale}.json`)).default as Messages;
}
