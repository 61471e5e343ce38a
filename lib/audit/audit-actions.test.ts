import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { TIMELINE_KINDS } from "@/lib/requests/timeline-events";
import { AUDIT_ACTIONS, isAuditAction, OTHER_AUDIT_ACTIONS } from "./audit-actions";

/** The message at a dotted path, or undefined. */
function messageAt(messages: object, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), messages);
}

describe("audit actions", () => {
  it("are every timeline kind as request.<kind> and the other actions, once each", () => {
    for (const kind of TIMELINE_KINDS) expect(AUDIT_ACTIONS).toContain(`request.${kind}`);
    expect(AUDIT_ACTIONS.length).toBe(TIMELINE_KINDS.length + OTHER_AUDIT_ACTIONS.length);
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(isAuditAction("request.submitted")).toBe(true);
    expect(isAuditAction("request.made_up")).toBe(false);
  });

  // A new kind or action without a name in one language fails here (the types check only one catalogue).
  it.each(LOCALES)("each has a name on the audit page in %s", async (locale) => {
    const messages = await loadMessages(locale);
    const unnamed = AUDIT_ACTIONS.filter((action) => {
      const text = messageAt(messages, ["audit", "actions", ...action.split(".")]);
      return typeof text !== "string" || text.trim() === "";
    });
    expect(unnamed).toEqual([]);
  });
});
