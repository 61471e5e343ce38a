import type { DeadlineRule, Request, StaffRole } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { isOpen, nextStatus, type LifecycleAction } from "../lifecycle";

/** The lifecycle moves staff make from the request page, in the order the page lists them. */
export const STAFF_STATUS_ACTIONS = ["start", "resume", "reopen", "complete", "ask_requester", "hold", "deny"] as const satisfies readonly LifecycleAction[];
export type StaffStatusAction = (typeof STAFF_STATUS_ACTIONS)[number];
export type StaffAction = StaffStatusAction | "assign" | "extend_deadline" | "add_note";

/** What the page's action button and its menu may hold: the moves, an extension, a legal hold. */
export const MENU_ACTIONS = [...STAFF_STATUS_ACTIONS, "extend_deadline", "legal_hold"] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

export type OfferedActions = {
  /** The next step, on the button; null when there is no obvious one (the menu may still hold some). */
  primary: MenuAction | null;
  /** Everything else allowed now, in the "more actions" menu. */
  menu: MenuAction[];
  /** The assignee picker may change the assignee. */
  assign: boolean;
  /** Replies and internal notes may be written. */
  write: boolean;
};

/** The actions the lifecycle table, the deadline rule and the role allow for a request now. */
export function allowedActionsFor(
  request: Pick<Request, "status" | "dueAt" | "extendedAt">,
  rule: Pick<DeadlineRule, "extensionAmount"> | null,
  role: StaffRole,
): StaffAction[] {
  if (!can(role, "requests.work")) return [];
  const actions: StaffAction[] = STAFF_STATUS_ACTIONS.filter((action) => nextStatus(request.status, action, role) !== null);
  if (isOpen(request.status)) {
    actions.unshift("assign");
    if (rule?.extensionAmount && request.dueAt && !request.extendedAt) actions.push("extend_deadline");
  }
  actions.push("add_note");
  return actions;
}

/** Which allowed move is "the next step", first match wins; reopening only when the requester contested. */
const NEXT_STEPS: readonly StaffStatusAction[] = ["start", "resume", "reopen", "complete"];

/**
 * Splits what is allowed into the page's one primary button and its menu. `contested`: the requester
 * wrote after the denial (reopening is then the next step rather than a menu item). `legalHold`:
 * whether the request can still be held (not anonymised); offered to the roles that may set one.
 */
export function offeredActions(allowed: readonly StaffAction[], role: StaffRole, options: { contested: boolean; legalHold: boolean }): OfferedActions {
  const moves: MenuAction[] = allowed.filter((action): action is Exclude<StaffAction, "assign" | "add_note"> => action !== "assign" && action !== "add_note");
  if (options.legalHold && can(role, "legalHold.set")) moves.push("legal_hold");
  const primary = NEXT_STEPS.find((step) => moves.includes(step) && (step !== "reopen" || options.contested)) ?? null;
  return {
    primary,
    menu: moves.filter((action) => action !== primary),
    assign: allowed.includes("assign"),
    write: allowed.includes("add_note"),
  };
}

/** Whether the page offers `action` now: on its button or in its menu (an action page accepts nothing else). */
export function isOffered(offered: OfferedActions, action: MenuAction): boolean {
  return offered.primary === action || offered.menu.includes(action);
}
