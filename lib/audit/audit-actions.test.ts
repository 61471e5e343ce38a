import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { TIMELINE_KINDS } from "@/lib/requests/timeline-events";
import { AUDIT_ACTIONS, isAuditAction, OTHER_AUDIT_ACTIONS } from "./audit-actions";

/** Every source file (not tests) below a folder of the project. */
function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(process.cwd(), folder), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(process.cwd(), folder, file));
}

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

  // A writer with an action of its own fails here until the action is listed (and so named).
  it("include every action the code writes", () => {
    const written = new Set<string>();
    for (const file of [...sourceFiles("lib"), ...sourceFiles("app")]) {
      for (const line of readFileSync(file, "utf8").split("\n")) {
        if (/\baction: /.test(line)) for (const match of line.matchAll(/"([a-z_]+\.[a-z_]+)"/g)) written.add(match[1]!);
      }
    }
    expect(written.size).toBeGreaterThan(30);
    expect([...written].filter((action) => !isAuditAction(action))).toEqual([]);
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
