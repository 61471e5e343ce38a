"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from "react-aria-components";
import { useFailureMessage } from "@/components/form/use-failure-message";
import { assignAction, assignToMeAction } from "./actions";
import type { StaffActionResult } from "./answer-form";
import { useConfirm } from "../../confirmations";

const NOBODY = "nobody";

/**
 * Who works the request, changed in place: choosing a name (or "Assign to me") saves at once and
 * the picker shows the choice straight away, confirmed by a toast with focus kept on the picker; a
 * refusal puts the previous assignee back and says why under it. It follows the server's value when the page refreshes (another tab, another colleague).
 */
export function AssigneePicker({ requestId, assigneeId, meId, staff }: { requestId: string; assigneeId: string | null; meId: string; staff: { id: string; label: string }[] }) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const failureMessage = useFailureMessage("dashboard");
  const [pending, startTransition] = useTransition();
  const [value, setValue] = useState(assigneeId ?? NOBODY);
  const [fromServer, setFromServer] = useState(assigneeId);
  const confirm = useConfirm();
  const [refusal, setRefusal] = useState<string | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  if (fromServer !== assigneeId) {
    // The page was refreshed with a newer assignee: show it (derived state, no effect needed).
    setFromServer(assigneeId);
    setValue(assigneeId ?? NOBODY);
  }

  const save = (next: string, call: () => Promise<StaffActionResult>) => {
    const previous = value;
    setValue(next);
    setRefusal(null);
    startTransition(async () => {
      try {
        const result = await call();
        if (result.ok) confirm("assign");
        else {
          setValue(previous);
          setRefusal(failureMessage(result));
        }
      } catch {
        setValue(previous);
        setRefusal(t("errors.unexpected"));
      }
    });
  };

  const choose = (key: string) => {
    if (key === value) return;
    save(key, () => assignAction(locale, requestId, { assigneeId: key === NOBODY ? null : key }));
  };

  return (
    <div>
      <Select value={value} onChange={(key) => key !== null && choose(String(key))} className="flex flex-col gap-1">
        <Label className="sr-only">{t("actions.assign.assignee")}</Label>
        <Button
          ref={trigger}
          className="flex min-h-11 w-full items-center justify-between gap-2 rounded-md border border-slate-400 bg-white px-3 py-2 text-left outline-offset-2 data-[focus-visible]:outline-3 data-[focus-visible]:outline-brand-600"
        >
          <SelectValue className="min-w-0 truncate" data-testid="assignee" />
          <span aria-hidden="true">▾</span>
        </Button>
        <Popover className="max-h-80 w-(--trigger-width) overflow-auto rounded-md border border-slate-300 bg-white shadow-lg">
          <ListBox className="py-1 outline-none">
            <ListBoxItem id={NOBODY} className="cursor-pointer px-3 py-2 outline-none data-[focused]:bg-brand-50 data-[selected]:font-semibold">
              {t("actions.assign.nobody")}
            </ListBoxItem>
            {staff.map((s) => (
              <ListBoxItem key={s.id} id={s.id} textValue={s.label} className="cursor-pointer px-3 py-2 outline-none data-[focused]:bg-brand-50 data-[selected]:font-semibold">
                {s.label}
              </ListBoxItem>
            ))}
          </ListBox>
        </Popover>
      </Select>
      {value !== meId ? (
        <button
          type="button"
          disabled={pending}
          className="mt-2 text-sm font-medium text-brand-800 underline disabled:opacity-60"
          onClick={() => {
            save(meId, () => assignToMeAction(locale, requestId));
            // The button goes away once the request is theirs: keep focus on the picker.
            trigger.current?.focus();
          }}
        >
          {t("actions.assign.toMe")}
        </button>
      ) : null}
      <p role="status" className="mt-1 text-sm font-semibold text-red-800">
        {refusal}
      </p>
    </div>
  );
}
