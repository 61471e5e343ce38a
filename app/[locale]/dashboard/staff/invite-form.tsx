"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { sendToAction } from "@/components/form/use-hydrated";
import { inviteStaffSchema, STAFF_ROLE_CHOICES, type InviteStaffInput } from "@/lib/auth/staff-admin-schemas";
import type { Locale } from "@/lib/i18n/locales";
import { LOCALE_NAMES, routing } from "@/lib/i18n/routing";
import { inviteStaffAction } from "./actions";
import { useStaffAdminMessages } from "./use-staff-admin-messages";
import { submitButtonClasses } from "@/components/button-link";

type Values = { name: string; email: string; role: InviteStaffInput["role"]; locale: Locale };

/**
 * Posts to its server action by itself before JavaScript runs; once it runs, the fields are
 * checked in the browser first and sent by script. A refused invitation comes back with every
 * field as typed.
 */
export function InviteForm({ defaultLocale }: { defaultLocale: Locale }) {
  const t = useTranslations("staffAdmin");
  const roles = useTranslations("staff.roles");
  const messages = useStaffAdminMessages();
  const [result, invite, pending] = useActionState(inviteStaffAction, null);
  const empty: Values = { name: "", email: "", role: "agent", locale: defaultLocale };
  const typed = result && !result.ok ? result.values : empty;
  const { register, handleSubmit, formState, reset } = useForm<Values>({
    resolver: zodResolver(inviteStaffSchema),
    defaultValues: empty,
    shouldFocusError: true,
  });
  const [clientRefused, setClientRefused] = useState(0);
  // After an invitation went out the form is empty again for the next one.
  useEffect(() => {
    if (result?.ok) reset(empty);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a new answer arrives
  }, [result]);
  const serverFieldErrors: Record<string, string> =
    result && !result.ok ? (result.error === "exists" ? { email: "exists" } : result.error === "invalid" ? (result.fieldErrors ?? {}) : {}) : {};
  const err = (field: keyof Values) => messages.field(formState.errors[field]?.message ?? serverFieldErrors[field]);
  // One notice per answer (memoised: it takes focus when it changes).
  const notice = useMemo<Notice | null>(() => {
    if (result?.ok) return { kind: "info", text: t(result.reinvited ? "invite.resent" : "invite.sent", { email: result.email }) };
    if (result && (result.error === "exists" || result.error === "invalid")) return { kind: "error", text: messages.failure({ error: "invalid" }), focus: false };
    if (result) return { kind: "error", text: messages.failure(result) };
    if (clientRefused > 0) return { kind: "error", text: messages.failure({ error: "invalid" }), focus: false };
    return null;
  }, [result, clientRefused, messages, t]);

  return (
    <form
      action={invite}
      method="post"
      noValidate
      onSubmit={handleSubmit(sendToAction(invite), () => setClientRefused((count) => count + 1))}
      className="max-w-xl"
      aria-busy={pending}
    >
      <FormNotice notice={notice} />
      <TextField id="invite-name" autoComplete="off" label={t("invite.name")} required error={err("name")} defaultValue={typed.name} {...register("name")} />
      <TextField id="invite-email" type="email" autoComplete="off" label={t("invite.email")} required error={err("email")} defaultValue={typed.email} {...register("email")} />
      <SelectField
        id="invite-role"
        label={t("invite.role")}
        required
        options={STAFF_ROLE_CHOICES.map((role) => ({ value: role, label: roles(role) }))}
        registration={register("role")}
        error={err("role")}
        defaultValue={typed.role}
      />
      <SelectField
        id="invite-locale"
        label={t("invite.locale")}
        required
        options={routing.locales.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))}
        registration={register("locale")}
        error={err("locale")}
        defaultValue={typed.locale}
      />
      <button type="submit" disabled={pending} className={`mt-6 ${submitButtonClasses}`}>
        {pending ? t("invite.sending") : t("invite.submit")}
      </button>
    </form>
  );
}
