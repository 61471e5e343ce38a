"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useMemo } from "react";
import { buttonClasses } from "@/components/button-link";
import { FormNotice, type Notice } from "@/components/form/form-notice";
import { verifyAuditLogAction, type VerifyAuditLogResult } from "./actions";

/** Runs the whole-chain check and says what it found: intact (status) or where it breaks (alert). */
export function VerifyAuditForm() {
  const t = useTranslations("audit.verify");
  const format = useFormatter();
  const [result, formAction, pending] = useActionState<VerifyAuditLogResult | null, FormData>(verifyAuditLogAction, null);

  // A new object only when a new result arrives, so the notice takes focus once per check.
  const notice = useMemo((): Notice | null => {
    if (!result) return null;
    if (!result.ok) {
      const text = result.error === "unauthorized" ? t("unauthorized") : result.error === "forbidden" ? t("forbidden") : t("failed");
      return { kind: "error", text };
    }
    const { report } = result;
    if (report.ok) {
      const checkpoint = report.lastCheckpoint
        ? t("checkpoint", { seq: report.lastCheckpoint.seq, signedAt: format.dateTime(new Date(report.lastCheckpoint.signedAt), { dateStyle: "long", timeStyle: "medium" }), keyId: report.lastCheckpoint.keyId, count: report.checkpoints })
        : t("noCheckpoint");
      const lines = [t("intact", { checked: report.checked, hash: report.lastHash }), checkpoint];
      if (report.pending > 0) lines.push(t("pending", { pending: report.pending }));
      return { kind: "info", text: lines.join(" ") };
    }
    return { kind: "error", text: t("broken", { id: report.brokenAtId, reason: t(`reasons.${report.reason}`), checked: report.checked }) };
  }, [result, t, format]);

  return (
    <form action={formAction} aria-busy={pending} className="mt-4">
      <div className="break-all">
        <FormNotice notice={notice} />
      </div>
      <button type="submit" disabled={pending} className={`${buttonClasses("primary")} disabled:opacity-60`}>
        {pending ? t("checking") : t("button")}
      </button>
    </form>
  );
}
