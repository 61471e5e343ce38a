"use client";

import { useTranslations } from "next-intl";
import type { MenuAction } from "@/lib/requests/staff/offered-actions";
import { AskForm, CompleteForm, DenyForm, ExtendForm, MoveForm, type ActionFormPlace } from "./action-forms";
import type { ActionContext } from "./action-context";
import { LegalHoldForm } from "./legal-hold-form";
import { useConfirmationText } from "../../confirmations";

/**
 * The form of one action on the request page: the same component in the page's dialog (with
 * JavaScript) and on the action's own page (before or without it).
 */
export function ActionForm({ action, context, ...place }: ActionFormPlace & { action: MenuAction; context: ActionContext }) {
  switch (action) {
    case "ask_requester":
      return <AskForm {...place} pauses={context.pauses} />;
    case "extend_deadline":
      return <ExtendForm {...place} period={context.extensionPeriod ?? ""} />;
    case "deny":
      return <DenyForm {...place} />;
    case "complete":
      return <CompleteForm {...place} isAccess={context.isAccess} />;
    case "legal_hold":
      return <LegalHoldForm {...place} held={context.legalHeld} />;
    default:
      return <MoveForm {...place} move={action} />;
  }
}

/** What an action is called on its button, in the menu, and as its dialog's or page's title. */
export function useActionLabel(legalHeld: boolean): (action: MenuAction) => string {
  const t = useTranslations("dashboard.actions");
  const hold = useTranslations("retention.legalHold");
  return (action) => {
    if (action === "legal_hold") return legalHeld ? hold("liftTitle") : hold("placeTitle");
    if (action === "extend_deadline") return t("extend.title");
    if (action === "ask_requester") return t("ask.title");
    if (action === "complete") return t("complete.title");
    if (action === "deny") return t("deny.title");
    return t(`${action}.submit`);
  };
}

/** An action page's title (the page is a server component; the words come from the same place as the button's). */
export function ActionTitle({ action, legalHeld }: { action: MenuAction; legalHeld: boolean }) {
  return <>{useActionLabel(legalHeld)(action)}</>;
}

/** What an action says once done (also on the request page after its own page sent the browser back): dashboard/confirmations.ts. */
export function useActionDone(legalHeld: boolean): (action: MenuAction) => string {
  const text = useConfirmationText();
  return (action) => text(action, { legalHeld });
}
