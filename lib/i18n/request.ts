import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { getEnv } from "@/lib/env";
import { loadMessages } from "./messages";
import { routing } from "./routing";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : getEnv().DEFAULT_LOCALE;
  return {
    locale,
    messages: await loadMessages(locale),
    timeZone: getEnv().OPERATOR_TIME_ZONE,
  };
});
