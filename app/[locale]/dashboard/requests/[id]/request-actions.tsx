"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRef, useState, useTransition, type ReactNode } from "react";
import { Button, Dialog, Heading, Menu, MenuItem, MenuTrigger, Modal, ModalOverlay, Popover } from "react-aria-components";
import { submitButtonClasses } from "@/components/button-link";
import { ActionFeedback, useActionFeedback } from "@/components/form/action-feedback";
import { useFailureMessage } from "@/components/form/use-failure-message";
import { useHydrated } from "@/components/form/use-hydrated";
import { useRefocusWhenLost } from "@/components/form/use-refocus-when-lost";
import type { MenuAction } from "@/lib/requests/staff/offered-actions";
import type { ActionContext } from "./action-context";
import { ActionForm, useActionDone, useActionLabel } from "./action-form";
import { statusAction, type StatusMoveName } from "./actions";
import { showToast } from "@/components/toast/toasts";
import { useConfirmationText } from "../../confirmations";

const isMove = (action: MenuAction): action is StatusMoveName => action === "start" || action === "hold" || action === "resume" || action === "reopen";

export type RequestActionsProps = {
  requestId: string;
  primary: MenuAction | null;
  menu: MenuAction[];
  context: ActionContext;
  /** The action just done on its own page (the browser was sent back here): confirmed on arrival. */
  done: MenuAction | null;
};

const secondaryClasses =
  "inline-flex min-h-11 items-center gap-1 rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold text-ink hover:bg-slate-100 disabled:opacity-60 data-[focus-visible]:outline-3 data-[focus-visible]:outline-brand-600";

/**
 * The request's next step as one button (Start, Complete, Reopen …) and everything else the
 * lifecycle allows now in a "More actions" menu; the server decided which (offeredActions). Moves
 * with nothing to fill in run at once; the others open a dialog. Done, a toast confirms it
 * (dashboard/confirmations.ts) and focus stays on the action bar: the button that did it may be gone
 * after the page refreshes, so the next step's button takes it. A refusal is announced and focused
 * above the buttons. Before JavaScript runs (menus and dialogs need it), every action is a link to
 * its own page, which holds the same form (act/[action]); back on the request page, its confirmation
 * is that focused notice.
 */
export function RequestActions(props: RequestActionsProps) {
  const done = useActionDone(props.context.legalHeld);
  const hydrated = useHydrated();
  return (
    <ActionFeedback initial={props.done ? { kind: "info", text: done(props.done) } : null}>
      {hydrated ? <ActionButtons {...props} /> : <ActionLinks {...props} />}
    </ActionFeedback>
  );
}

/** Without JavaScript: the next step and the others as links to their pages, styled as the buttons. */
function ActionLinks({ requestId, primary, menu, context }: RequestActionsProps) {
  const locale = useLocale();
  const label = useActionLabel(context.legalHeld);
  const href = (action: MenuAction) => `/${locale}/dashboard/requests/${requestId}/act/${action}`;
  if (!primary && menu.length === 0) return null;
  return (
    <ul className="flex flex-wrap items-center gap-2">
      {primary ? (
        <li>
          <a href={href(primary)} className={submitButtonClasses}>
            {label(primary)}
          </a>
        </li>
      ) : null}
      {menu.map((action) => (
        <li key={action}>
          <a href={href(action)} className={`${secondaryClasses} ${action === "deny" ? "text-red-800" : ""}`}>
            {label(action)}
          </a>
        </li>
      ))}
    </ul>
  );
}

function ActionButtons({ requestId, primary, menu, context }: RequestActionsProps) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const show = useActionFeedback();
  const failureMessage = useFailureMessage("dashboard");
  const confirmation = useConfirmationText();
  const label = useActionLabel(context.legalHeld);
  const [pending, startTransition] = useTransition();
  const [dialog, setDialog] = useState<Exclude<MenuAction, StatusMoveName> | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  const keepFocus = useKeepFocusIn(bar);

  const confirm = (text: string) => {
    showToast(text);
    keepFocus();
  };

  const act = (action: MenuAction) => {
    if (!isMove(action)) return setDialog(action);
    startTransition(async () => {
      try {
        const result = await statusAction(locale, requestId, action);
        if (result.ok) confirm(confirmation(action));
        else show({ kind: "error", text: failureMessage(result) });
      } catch {
        show({ kind: "error", text: t("errors.unexpected") });
      }
    });
  };

  const close = () => setDialog(null);
  if (!primary && menu.length === 0) return null;

  return (
    <div ref={bar} className="flex flex-wrap items-center gap-2">
      {primary ? (
        <Button onPress={() => act(primary)} isDisabled={pending} className={`${submitButtonClasses} data-[focus-visible]:outline-3 data-[focus-visible]:outline-brand-600`}>
          {label(primary)}
        </Button>
      ) : null}
      {menu.length > 0 ? (
        <MenuTrigger>
          <Button className={secondaryClasses} isDisabled={pending}>
            {t("actions.more")} <span aria-hidden="true">▾</span>
          </Button>
          <Popover placement="bottom end" className="min-w-56 rounded-md border border-slate-300 bg-white shadow-lg">
            <Menu onAction={(key) => act(key as MenuAction)} className="py-1 outline-none">
              {menu.map((action) => (
                <MenuItem
                  key={action}
                  id={action}
                  className={`cursor-pointer px-4 py-2 outline-none data-[focused]:bg-brand-50 ${action === "deny" ? "text-red-800" : ""}`}
                >
                  {label(action)}
                </MenuItem>
              ))}
            </Menu>
          </Popover>
        </MenuTrigger>
      ) : null}

      <ModalOverlay
        isOpen={dialog !== null}
        onOpenChange={(open) => (open ? null : close())}
        isDismissable
        className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-black/40 p-2 sm:p-6"
      >
        <Modal className="w-full max-w-xl rounded-lg bg-white shadow-xl">
          <Dialog className="p-5 outline-none">
            {dialog ? (
              <DialogBody title={label(dialog)} cancel={t("actions.cancel")} onCancel={close}>
                {/* Refusals show in the dialog, next to what was typed; a confirmation closes it and shows as a toast. */}
                <ActionForm
                  action={dialog}
                  requestId={requestId}
                  context={context}
                  onDone={(text) => {
                    close();
                    confirm(text);
                  }}
                />
              </DialogBody>
            ) : null}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </div>
  );
}

/**
 * After an action, focus stays on the action bar: where it was if that is still on the page, else
 * the bar's first button — the next step after the page refreshed — or the main region when no
 * action is left.
 */
function useKeepFocusIn(bar: React.RefObject<HTMLElement | null>): () => void {
  return useRefocusWhenLost(() => bar.current?.querySelector<HTMLElement>("button:not([disabled])") ?? document.getElementById("main"));
}

/** A dialog's title, its form, and a way out that keeps nothing. */
function DialogBody({ title, cancel, onCancel, children }: { title: string; cancel: string; onCancel: () => void; children: ReactNode }) {
  return (
    <>
      <Heading slot="title" className="text-xl font-semibold">
        {title}
      </Heading>
      <div className="mt-2">{children}</div>
      <div className="mt-3 flex justify-end border-t border-slate-200 pt-3">
        <Button onPress={onCancel} className={secondaryClasses}>
          {cancel}
        </Button>
      </div>
    </>
  );
}
