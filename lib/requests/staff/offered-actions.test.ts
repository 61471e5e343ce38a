import { describe, expect, it } from "vitest";
import { REQUEST_STATUSES, STAFF_ROLES, type RequestStatus, type StaffRole } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { isOpen, LIFECYCLE } from "../lifecycle";
import { allowedActionsFor, isOffered, MENU_ACTIONS, offeredActions, STAFF_STATUS_ACTIONS, type MenuAction } from "./offered-actions";

const DUE = new Date("2026-12-01T18:59:59.999Z");
const withExtension = { extensionAmount: 2 };

/** What the page offers for a request in `status`, to `role`, everything else equal. */
function offer(status: RequestStatus, role: StaffRole, options: { contested?: boolean; extendable?: boolean } = {}) {
  const allowed = allowedActionsFor({ status, dueAt: DUE, extendedAt: null }, options.extendable ? withExtension : null, role);
  const offered = offeredActions(allowed, role, { contested: options.contested ?? false, legalHold: true });
  return { allowed, offered, all: [offered.primary, ...offered.menu].filter((a): a is MenuAction => a !== null) };
}

/** The lifecycle table read directly: the staff moves it allows from `status` for `role`. */
function lifecycleMoves(status: RequestStatus, role: StaffRole): string[] {
  return LIFECYCLE.filter((move) => move.from.includes(status) && (move.roles as readonly string[]).includes(role)).map((move) => move.action);
}

const CASES = REQUEST_STATUSES.flatMap((status) => STAFF_ROLES.map((role) => [status, role] as const));

describe("actions offered on the staff request page", () => {
  it.each(CASES)("%s, %s: exactly the lifecycle's moves for this status and role", (status, role) => {
    const { all } = offer(status, role, { contested: true, extendable: true });
    const moves = all.filter((action) => (STAFF_STATUS_ACTIONS as readonly string[]).includes(action));
    expect(moves.sort()).toEqual(lifecycleMoves(status, role).filter((a) => (STAFF_STATUS_ACTIONS as readonly string[]).includes(a)).sort());
  });

  it.each(CASES)("%s, %s: extension only while open and for those who work requests; legal hold for those who may set it", (status, role) => {
    const { all, offered } = offer(status, role, { extendable: true });
    expect(all.includes("extend_deadline")).toBe(isOpen(status) && can(role, "requests.work"));
    expect(all.includes("legal_hold")).toBe(can(role, "legalHold.set"));
    expect(offered.assign).toBe(isOpen(status) && can(role, "requests.work"));
    expect(offered.write).toBe(can(role, "requests.work"));
    expect(new Set(all).size).toBe(all.length);
  });

  it.each([
    // status, role, contested, primary, menu
    ["new", "agent", false, "start", ["extend_deadline"]],
    ["in_progress", "agent", false, "complete", ["ask_requester", "hold", "deny", "extend_deadline"]],
    ["awaiting_requester", "admin", false, "complete", ["deny", "extend_deadline", "legal_hold"]],
    ["on_hold", "agent", false, "resume", ["complete", "deny", "extend_deadline"]],
    ["denied", "agent", true, "reopen", []],
    ["denied", "agent", false, null, ["reopen"]],
    ["completed", "admin", false, null, ["legal_hold"]],
    ["new", "compliance", false, null, ["legal_hold"]],
    ["in_progress", "compliance", false, null, ["legal_hold"]],
  ] as const)("%s for %s (contested: %s): %s first, then %j", (status, role, contested, primary, menu) => {
    const { offered } = offer(status, role, { contested, extendable: true });
    expect(offered.primary).toBe(primary);
    expect(offered.menu).toEqual(menu);
  });

  it("never offers completing or declining a request nobody has started", () => {
    for (const role of STAFF_ROLES) expect(offer("new", role).all).not.toContain("complete");
    for (const role of STAFF_ROLES) expect(offer("new", role).all).not.toContain("deny");
  });

  it("offers no extension once the deadline was extended, or without a due date", () => {
    expect(allowedActionsFor({ status: "in_progress", dueAt: DUE, extendedAt: DUE }, withExtension, "agent")).not.toContain("extend_deadline");
    expect(allowedActionsFor({ status: "in_progress", dueAt: null, extendedAt: null }, withExtension, "agent")).not.toContain("extend_deadline");
    expect(allowedActionsFor({ status: "in_progress", dueAt: DUE, extendedAt: null }, { extensionAmount: null }, "agent")).not.toContain("extend_deadline");
  });

  it.each(CASES)("%s, %s: an action page accepts exactly what the button and the menu offer", (status, role) => {
    const { offered, all } = offer(status, role, { contested: true, extendable: true });
    expect(MENU_ACTIONS.filter((action) => isOffered(offered, action)).sort()).toEqual([...all].sort());
  });
});
