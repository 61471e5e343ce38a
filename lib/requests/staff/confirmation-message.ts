import { MENU_ACTIONS } from "./offered-actions";

/**
 * Every staff action that confirms its success: the request page's actions, the composer's two,
 * assignment one by one and in bulk, and what is done with an incoming e-mail (attach, dismiss, retry).
 */
export const CONFIRMED_ACTIONS = [...MENU_ACTIONS, "note", "reply", "assign", "bulk_assign", "mail_attach", "mail_dismiss", "mail_retry"] as const;
export type ConfirmedAction = (typeof CONFIRMED_ACTIONS)[number];

/**
 * legalHeld: the hold as it is now, after the action (it says which way it went); count: how many
 * requests a bulk assignment changed; reference: the request an e-mail was attached to; status: an
 * e-mail's status after it was processed again, already in the reader's language.
 */
export type ConfirmationDetail = { legalHeld?: boolean; count?: number; reference?: string; status?: string };

type DoneKey = `dashboard.actions.${"start" | "hold" | "resume" | "reopen" | "deny" | "complete" | "note" | "assign" | "extend" | "ask"}.done`;
export type ConfirmationKey =
  | DoneKey
  | "retention.legalHold.placed"
  | "retention.legalHold.lifted"
  | "replies.composer.sent"
  | "staff.queue.bulk.done"
  | "mail.actions.attach.done"
  | "mail.actions.dismiss.done"
  | "mail.actions.retry.done";
export type ConfirmationValues = { count: number } | { reference: string } | { status: string };

/**
 * What an action says once done — the one place for it, whether it shows as a toast (done with the
 * script) or as the focused notice of a page the browser posted itself (`?done=<action>`, an
 * action's own page, the composer without JavaScript): the catalogue message and its values.
 */
export function confirmationMessage(action: ConfirmedAction, detail: ConfirmationDetail = {}): { key: ConfirmationKey; values?: ConfirmationValues } {
  switch (action) {
    case "legal_hold":
      return { key: detail.legalHeld ? "retention.legalHold.placed" : "retention.legalHold.lifted" };
    case "extend_deadline":
      return { key: "dashboard.actions.extend.done" };
    case "ask_requester":
      return { key: "dashboard.actions.ask.done" };
    case "reply":
      return { key: "replies.composer.sent" };
    case "bulk_assign":
      return { key: "staff.queue.bulk.done", values: { count: detail.count ?? 0 } };
    case "mail_attach":
      return { key: "mail.actions.attach.done", values: { reference: detail.reference ?? "" } };
    case "mail_dismiss":
      return { key: "mail.actions.dismiss.done" };
    case "mail_retry":
      return { key: "mail.actions.retry.done", values: { status: detail.status ?? "" } };
    default:
      return { key: `dashboard.actions.${action}.done` };
  }
}
