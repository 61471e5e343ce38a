import { describe, expect, it } from "vitest";
import { requesterMessageSchema } from "./request-forms";
import { requestFormSchema } from "@/lib/requests/types";
import { denyRequestSchema } from "@/lib/requests/staff/schemas";

const access = { type: "access", name: "Айгерим", email: "aigerim@example.kz", phone: "", jurisdiction: "KZ", onBehalf: false, consent: true, categories: ["device"], format: "pdf" };

describe("text input at the boundary", () => {
  it("refuses NUL and other control characters in form text with a translatable code", () => {
    for (const bad of ["Ай\u0000герим", "a\u001B[31m", "bell\u0007", "del\u007F", "lone \uD800 surrogate"]) {
      const result = requestFormSchema.safeParse({ ...access, comment: bad });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message)).toEqual(["controlCharacters"]);
    }
    expect(requesterMessageSchema.safeParse({ body: "hello\u0000" }).error?.issues[0]?.message).toBe("controlCharacters");
    expect(denyRequestSchema.safeParse({ requestId: "4c1e7a52-7c0e-4a8b-9d1f-2b3c4d5e6f70", reason: "other", note: "x\u0000" }).error?.issues[0]?.message).toBe("controlCharacters");
  });

  it("keeps tabs and line breaks in long text", () => {
    expect(requestFormSchema.safeParse({ ...access, comment: "line one\r\nline two\tend" }).success).toBe(true);
  });

  it("strips zero-width and bidi controls from names, so 'Adm\\u200bin \\u202Etxt.exe' cannot pose as another name", () => {
    const parsed = requestFormSchema.parse({ ...access, name: "Adm\u200Bin \u202Etxt.exe", onBehalf: true, representativeRelation: "parent_guardian", subjectName: "\u2066Айгүл\u2069" });
    expect(parsed.name).toBe("Admin txt.exe");
    expect(parsed.onBehalf && "subjectName" in parsed ? parsed.subjectName : null).toBe("Айгүл");
    // A name of nothing but invisible characters is empty, so it is required.
    expect(requestFormSchema.safeParse({ ...access, name: "\u200B\u202E" }).error?.issues[0]?.message).toBe("required");
  });
});
