"use client";

import { useActionState, useMemo } from "react";
import { useForm } from "react-hook-form";
import { lazyResolver } from "@/components/form/lazy-resolver";
import { sendToAction } from "@/components/form/use-hydrated";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { TextField } from "@/components/form/text-field";
import { fieldErrorText as wordFieldError } from "@/components/form/field-error-text";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";
import { plainTranslator } from "@/lib/i18n/plain-translator";
import { findRequestsAction } from "./actions";
import { submitButtonClasses } from "@/components/button-link";

// The schema (and zod) come when the form is first used, not with the page.
const check = lazyResolver(() => import("@/lib/validation/public-form-checks").then((checks) => checks.findRequestsCheck));

/** The lost-link form's words: parts of `intake` (a plain namespace, lib/i18n/plain-translator.ts). */
export type FindFormMessages = Pick<Messages["intake"], "find" | "errors">;

/**
 * Posts to its server action by itself before JavaScript runs (the address never goes into the
 * URL); once it runs, the address is checked in the browser first and sent by script. Its words
 * come from the page as plain data (no next-intl in the browser).
 */
export function FindForm({ locale, messages }: { locale: Locale; messages: FindFormMessages }) {
  const t = useMemo(() => plainTranslator(messages, locale, "intake"), [messages, locale]);
  const [state, find, pending] = useActionState(findRequestsAction, null);
  // After a post without JavaScript the page renders anew: a refused address is in the field again
  // (in the HTML itself: react-hook-form fills fields only once its script runs).
  const typed = state && !state.ok && state.error === "invalid" ? state.email : "";
  const { register, handleSubmit, formState } = useForm<{ email: string }>({
    resolver: check.resolver,
    defaultValues: { email: typed },
  });
  // A refused address is explained next to the field; every other answer above the form.
  const refused = state && !state.ok && state.error === "invalid" ? state.message : undefined;
  const fieldErrorText = (message: string | undefined) => wordFieldError(message, (key, values) => t(`errors.${key}`, values));
  const notice = useMemo<Notice | null>(() => {
    if (!state) return null;
    if (state.ok) return { kind: "info", text: t("find.sent") };
    if (state.error === "rate_limited") return { kind: "error", text: t("errors.rateLimited", { minutes: state.retryAfterMinutes }) };
    if (state.error === "invalid") return null;
    return { kind: "error", text: t("errors.unexpected") };
  }, [state, t]);

  return (
    <form
      action={find}
      method="post"
      noValidate
      className="max-w-md"
      onFocus={check.preload}
      onSubmit={handleSubmit(sendToAction(find))}
    >
      <FormNotice notice={notice} />
      <input type="hidden" name="locale" value={locale} />
      <TextField
        id="email"
        type="email"
        autoComplete="email"
        label={t("find.email")}
        error={fieldErrorText(formState.errors.email?.message ?? refused)}
        required
        defaultValue={typed}
        {...register("email")}
      />
      <button type="submit" disabled={pending} className={`mt-4 ${submitButtonClasses}`}>
        {t("find.submit")}
      </button>
    </form>
  );
}
