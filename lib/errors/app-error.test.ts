import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, isAppError } from "./app-error";
import { failureMessageKey } from "./failure-message-key";
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
