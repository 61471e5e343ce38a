import { describe, expect, it } from "vitest";
import { REQUEST_STATUSES, type RequestStatus } from "@/db/schema";
import { rolesWith } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { applyTransition, LIFECYCLE, nextStatus, type LifecycleAction, type LifecycleRole } from "./lifecycle";

const ROLES: LifecycleRole[] = ["requester", "agent", "compliance", "admin", "system"];
const ACTIONS = [...new Set(LIFECYCLE.map((m) => m.action))] as LifecycleAction[];

// The lifecycle written out by hand, independently of the table: [from, action, role] → to.
const ALLOWED: [RequestStatus, LifecycleAction, LifecycleRole, RequestStatus][] = [
  ["unverified", "verify", "requester", "new"],
  ["unverified", "expire", "system", "expired"],
  ...rolesWith("requests.work").flatMap((role): [RequestStatus, LifecycleAction, LifecycleRole, RequestStatus][] => [
    ["new", "start", role, "in_progress"],
    ["in_progress", "ask_requester", role, "awaiting_requester"],
    ["in_progress", "hold", role, "on_hold"],
    ["on_hold", "resume", role, "in_progress"],
    // Not from "new": a request is started before it is answered.
    ...(["in_progress", "awaiting_requester", "on_hold"] as const).flatMap(
      (from): [RequestStatus, LifecycleAction, LifecycleRole, RequestStatus][] => [
        [from, "complete", role, "completed"],
        [from, "deny", role, "denied"],
      ],
    ),
    ["denied", "reopen", role, "in_progress"],
  ]),
  ["awaiting_requester", "requester_replied", "requester", "in_progress"],
  ["awaiting_requester", "requester_replied", "system", "in_progress"],
  ...(["new", "in_progress", "awaiting_requester", "on_hold"] as const).map(
    (from): [RequestStatus, LifecycleAction, LifecycleRole, RequestStatus] => [from, "withdraw", "requester", "withdrawn"],
  ),
];

describe("lifecycle", () => {
  it.each(ALLOWED)("%s --%s by %s--> %s", (from, action, role, to) => {
    expect(nextStatus(from, action, role)).toBe(to);
    expect(applyTransition(from, action, role)).toBe(to);
  });

  it("refuses every other combination of status, action and role", () => {
    const allowed = new Set(ALLOWED.map(([from, action, role]) => `${from}|${action}|${role}`));
    let refused = 0;
    for (const from of REQUEST_STATUSES) {
      for (const action of ACTIONS) {
        for (const role of ROLES) {
          if (allowed.has(`${from}|${action}|${role}`)) continue;
          expect(nextStatus(from, action, role), `${from} ${action} ${role}`).toBeNull();
          expect(() => applyTransition(from, action, role)).toThrow(AppError);
          refused++;
        }
      }
    }
    expect(refused).toBe(REQUEST_STATUSES.length * ACTIONS.length * ROLES.length - ALLOWED.length);
  });

  it("never lets compliance officers change a request", () => {
    expect(LIFECYCLE.some((move) => move.roles.includes("compliance"))).toBe(false);
  });

  it("moves nothing out of a closed status but a denial staff reopen", () => {
    for (const from of ["completed", "denied", "withdrawn", "expired"] as const) {
      for (const action of ACTIONS) {
        for (const role of ROLES) {
          const reopening = from === "denied" && action === "reopen" && (rolesWith("requests.work") as readonly string[]).includes(role);
          expect(nextStatus(from, action, role), `${from} ${action} ${role}`).toBe(reopening ? "in_progress" : null);
        }
      }
    }
  });
});
