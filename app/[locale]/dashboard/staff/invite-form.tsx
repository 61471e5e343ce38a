"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { inviteStaffSchema, STAFF_ROLE_CHOICES, type InviteStaffInput } from "@/lib/auth/staff-admin-schemas";
import type { Locale } from "@/lib/i18n/locales";
import { LOCALE_NAMES, routing } from "@/lib/i18n/routing";
import { inviteStaffAction } from "./actions";
import { useStaffAdminMessages } from "./use-staff-admin-messages";
import { submitButtonClasses } from "@/components/button-link";

type Values = { name: string; email: string; role: InviteStaffInput["role"]; locale: Locale };

export function InviteForm({ defaultLocale }: { defaultLocale: Locale }) {
  const t = useTranslations("staffAdmin");
  const roles = useTranslations("staff.roles");
  const messages = useStaffAdminMessages();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice | null>(null);
  const empty: Values = { name: "", email: "", role: "agent", locale: defaultLocale };
  const { register, handleSubmit, formState, setError, reset } = useForm<Values>({
    resolver: zodResolver(inviteStaffSchema),
    defaultValues: empty,
    shouldFocusError: true,
  });
  const err = (field: keyof Values) => messages.field(formState.errors[field]?.message);

  const onValid = (values: Values) => {
    setNotice(null);
    startTransition(async () => {
      try {
        const result = await inviteStaffAction(values);
        if (result.ok) {
          reset(empty);
          setNotice({ kind: "info", text: t(result.reinvited ? "invite.resent" : "invite.sent", { email: result.email }) });
          return;
        }
        if (result.error === "exists") {
          setError("email", { type: "server", message: "exists" }, { shouldFocus: true });
          setNotice({ kind: "error", text: messages.failure({ error: "invalid" }), focus: false });
          return;
        }
        if (result.error === "invalid" && result.fieldErrors) {
          for (const [path, message] of Object.entries(result.fieldErrors)) {
            if (path in empty) setError(path as keyof Values, { type: "server", message });
          }
        }
        setNotice({ kind: "error", text: messages.failure(result) });
      } catch {
        setNotice({ kind: "error", text: messages.failure({ error: "unexpected" }) });
      }
    });
  };

  return (
    <form method="post" noValidate onSubmit={handleSubmit(onValid, () => setNotice({ kind: "error", text: messages.failure({ error: "invalid" }), focus: false }))} className="max-w-xl" aria-busy={pending}>
      <FormNotice notice={notice} />
      <TextField id="invite-name" autoComplete="off" label={t("invite.name")} required error={err("name")} {...register("name")} />
      <TextField id="invite-email" type="email" autoComplete="off" label={t("invite.email")} required error={err("email")} {...register("email")} />
      <SelectField
        id="invite-role"
        label={t("invite.role")}
        required
        options={STAFF_ROLE_CHOICES.map((role) => ({ value: role, label: roles(role) }))}
        registration={register("role")}
        error={err("role")}
      />
      <SelectField
        id="invite-locale"
        label={t("invite.locale")}
        required
        options={routing.locales.map((locale) => ({ value: locale, label: LOCALE_NAMES[locale] }))}
        registration={register("locale")}
        error={err("locale")}
      />
      <button type="submit" disabled={pending} className={`mt-6 ${submitButtonClasses}`}>
        {pending ? t("invite.sending") : t("invite.submit")}
      </button>
    </form>
  );
}
