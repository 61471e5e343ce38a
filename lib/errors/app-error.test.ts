import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, isAppError } from "./app-error";
import { failureMessageKey, wordFailure, type KeyedTranslator } from "./failure-message-key";
import { loadMessages } from "@/lib/i18n/messages";
import { LOCALES } from "@/lib/i18n/locales";
import { parseInput } from "./field-errors";

describe("AppError", () => {
  it("carries its code and what the form needs, and says them in its message for the log", () => {
    const error = new AppError("conflict", { reason: "already_extended", details: { requestId: "r1" } });
    expect(error).toMatchObject({ name: "AppError", code: "conflict", reason: "already_extended", details: { requestId: "r1" } });
    expect(error.message).toBe('conflict {"requestId":"r1","reason":"already_extended"}');
    expect(isAppError(error, "conflict")).toBe(true);
    expect(isAppError(error, "not_found")).toBe(false);
    expect(isAppError(new Error("conflict"))).toBe(false);
  });

  it("turns a failed schema into field errors, the first issue per field", () => {
    const schema = z.object({ name: z.string().min(1, "required").max(3, "tooLong:3"), note: z.string().min(2, "tooShort:2") });
    const error = (() => {
      try {
        parseInput(schema, { name: "", note: "" });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toMatchObject({ code: "invalid", fieldErrors: { name: "required", note: "tooShort:2" } });
    expect(parseInput(schema, { name: "ab", note: "ok" })).toEqual({ name: "ab", note: "ok" });
  });
});

describe("failureMessageKey", () => {
  it("maps a refusal to its key under the form's namespace", () => {
    expect(failureMessageKey({ error: "conflict", reason: "closed" })).toBe("errors.conflict.closed");
    expect(failureMessageKey({ error: "invalid" })).toBe("errors.summary");
    expect(failureMessageKey({ error: "last_admin" })).toBe("errors.last_admin");
    expect(failureMessageKey({ error: "unauthorized" })).toBe("errors.unauthorized");
  });
});

describe("wordFailure", () => {
  /** A translator over a namespace's flat key → text map, like next-intl's. */
  const translator = (texts: Record<string, string>): KeyedTranslator =>
    Object.assign((key: string, values?: Record<string, number>) => texts[key]!.replace("{minutes}", String(values?.minutes)), { has: (key: string) => key in texts });

  it("words a refusal in the namespace, and a code it does not word as unexpected", () => {
    const t = translator({ "errors.forbidden": "no", "errors.conflict.four_eyes": "second person", "errors.unexpected": "oops", "errors.rate_limited": "wait {minutes}" });
    expect(wordFailure(t, { error: "forbidden" })).toBe("no");
    expect(wordFailure(t, { error: "conflict", reason: "four_eyes" })).toBe("second person");
    expect(wordFailure(t, { error: "conflict", reason: "closed" })).toBe("oops");
    expect(wordFailure(t, { error: "rate_limited", retryAfterMinutes: 3 })).toBe("wait 3");
  });

  // The fulfilment panel words its own refusals through the same mapping (errors.conflict.<reason>).
  it.each(LOCALES)("finds the fulfilment panel's conflicts in %s", async (locale) => {
    const conflicts = (await loadMessages(locale)).fulfilment.panel.errors.conflict;
    expect(Object.keys(conflicts).sort()).toEqual(["call_state", "four_eyes", "fulfilment_off", "map_changed", "run_exists", "run_state", "wrong_status"]);
  });
});
