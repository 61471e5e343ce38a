import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dateInputToIso } from "./date-input";

describe("date input", () => {
  it.each([
    ["30.11.2026", "2026-11-30"],
    [" 3.1.2026 ", "2026-01-03"],
    ["30/11/2026", "2026-11-30"],
    ["30-11-2026", "2026-11-30"],
    ["2026-11-30", "2026-11-30"],
  ])("reads %j as %s", (typed, iso) => {
    expect(dateInputToIso(typed)).toBe(iso);
  });

  it("leaves what is not a date for the schema to refuse", () => {
    const schema = z.string().transform(dateInputToIso).pipe(z.iso.date("invalidDate"));
    expect(schema.safeParse("31.02.2026").success).toBe(false);
    expect(schema.safeParse("11/30/2026").success).toBe(false); // month first is not our format
    expect(schema.safeParse("вчера").error?.issues[0]?.message).toBe("invalidDate");
  });
});
