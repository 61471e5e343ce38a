"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import type { StaffRole } from "@/db/schema/staff";
import type { StaffStatus } from "@/lib/auth/staff-admin/list-staff";
import { changeStaffRoleSchema, STAFF_ROLE_CHOICES } from "@/lib/auth/staff-admin-schemas";
import { changeStaffRoleAction, clearStaffSignInDelaysAction, resetStaffTwoFactorAction, setStaffDisabledAction } from "./actions";
import { useStaffAdminMessages } from "./use-staff-admin-messages";
import { DataTable } from "@/components/data-table";

/** One staff account as the page shows it: texts already translated and dates formatted. */
export type StaffRow = {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  status: StaffStatus;
  statusText: string;
  lastSignIn: string;
  isMe: boolean;
  twoFactor: boolean;
};

type Report = (notice: Notice) => void;

const roleSchema = changeStaffRoleSchema.pick({ role: true });

function RoleForm({ row, report }: { row: StaffRow; report: Report }) {
  const t = useTranslations("staffAdmin.list");
  const roles = useTranslations("staff.roles");
  const messages = useStaffAdminMessages();
  const [pending, startTransition] = useTransition();
  const { register, handleSubmit, reset } = useForm<{ role: StaffRole }>({ resolver: zodResolver(roleSchema), values: { role: row.role } });
  const id = `role-${row.id}`;
  return (
    <form
      method="post"
      noValidate
      className="flex flex-wrap items-center gap-2"
      onSubmit={handleSubmit(({ role }) =>
        startTransition(async () => {
          try {
            const result = await changeStaffRoleAction({ staffId: row.id, role });
            if (result.ok) return report({ kind: "info", text: t("roleChanged", { name: row.name, role: roles(role) }) });
            reset({ role: row.role });
            report({ kind: "error", text: messages.failure(result) });
          } catch {
            reset({ role: row.role });
            report({ kind: "error", text: messages.failure({ error: "unexpected" }) });
          }
        }),
      )}
    >
      <label htmlFor={id} className="sr-only">
        {t("roleOf", { name: row.name })}
      </label>
      <select id={id} className="min-h-10 rounded-md border border-slate-400 bg-white px-2 text-ink" {...register("role")}>
        {STAFF_ROLE_CHOICES.map((role) => (
          <option key={role} value={role}>
            {roles(role)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} aria-label={t("changeRoleOf", { name: row.name })} className="min-h-10 rounded-md border border-brand-700 px-3 text-brand-800 hover:bg-brand-50 disabled:opacity-60">
        {t("changeRole")}
      </button>
    </form>
  );
}

function AccessButton({ row, report }: { row: StaffRow; report: Report }) {
  const t = useTranslations("staffAdmin.list");
  const messages = useStaffAdminMessages();
  const [pending, startTransition] = useTransition();
  const disable = row.status !== "disabled";
  return (
    <button
      type="button"
      disabled={pending}
      aria-label={t(disable ? "disableOf" : "enableOf", { name: row.name })}
      className={`min-h-10 rounded-md border px-3 disabled:opacity-60 ${disable ? "border-red-700 text-red-800 hover:bg-red-50" : "border-brand-700 text-brand-800 hover:bg-brand-50"}`}
      onClick={() =>
        startTransition(async () => {
          try {
            const result = await setStaffDisabledAction({ staffId: row.id, disabled: disable });
            report(result.ok ? { kind: "info", text: t(disable ? "disabled" : "enabled", { name: row.name }) } : { kind: "error", text: messages.failure(result) });
          } catch {
            report({ kind: "error", text: messages.failure({ error: "unexpected" }) });
          }
        })
      }
    >
      {t(disable ? "disable" : "enable")}
    </button>
  );
}

/** An admin's sign-in help for a colleague: lift the sign-in delays, reset a lost second factor. */
function SignInButtons({ row, report }: { row: StaffRow; report: Report }) {
  const t = useTranslations("staffAdmin.list");
  const messages = useStaffAdminMessages();
  const [pending, startTransition] = useTransition();
  const run = (action: typeof clearStaffSignInDelaysAction, done: string) =>
    startTransition(async () => {
      try {
        const result = await action({ staffId: row.id });
        report(result.ok ? { kind: "info", text: done } : { kind: "error", text: messages.failure(result) });
      } catch {
        report({ kind: "error", text: messages.failure({ error: "unexpected" }) });
      }
    });
  const button = "min-h-10 rounded-md border border-brand-700 px-3 text-brand-800 hover:bg-brand-50 disabled:opacity-60";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-muted">{row.twoFactor ? t("twoFactorOn") : t("twoFactorOff")}</span>
      <button type="button" disabled={pending} className={button} aria-label={t("clearDelaysOf", { name: row.name })} onClick={() => run(clearStaffSignInDelaysAction, t("delaysCleared", { name: row.name }))}>
        {t("clearDelays")}
      </button>
      {row.twoFactor && !row.isMe ? (
        <button type="button" disabled={pending} className={button} aria-label={t("resetTwoFactorOf", { name: row.name })} onClick={() => run(resetStaffTwoFactorAction, t("twoFactorReset", { name: row.name }))}>
          {t("resetTwoFactor")}
        </button>
      ) : null}
    </div>
  );
}

/** The staff list with each account's role form and disable/enable button; one notice above for their outcome. */
export function StaffTable({ rows }: { rows: StaffRow[] }) {
  const t = useTranslations("staffAdmin.list");
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <>
      <FormNotice notice={notice} />
      <DataTable caption={t("title")} columns={[t("name"), t("email"), t("role"), t("status"), t("lastSignIn"), t("security"), t("actions")]}>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-4 font-medium">
                {row.name}
                {row.isMe ? <span className="ml-1 font-normal text-muted">{t("you")}</span> : null}
              </th>
              <td className="py-2 pr-4 break-all">{row.email}</td>
              <td className="py-2 pr-4">
                <RoleForm row={row} report={setNotice} />
              </td>
              <td className={`py-2 pr-4 ${row.status === "disabled" ? "text-red-800" : ""}`}>{row.statusText}</td>
              <td className="py-2 pr-4">{row.lastSignIn}</td>
              <td className="py-2 pr-4">
                <SignInButtons row={row} report={setNotice} />
              </td>
              <td className="py-2">{row.isMe ? "—" : <AccessButton row={row} report={setNotice} />}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
