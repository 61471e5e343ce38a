import { describe, expect, it } from "vitest";
import { initialsOf } from "./initials-avatar";

describe("initialsOf", () => {
  it("takes the first and last word's first letters, in capitals, in any script", () => {
    expect(initialsOf("Arman Agent")).toBe("AA");
    expect(initialsOf("  айгерим серікқызы ")).toBe("АС");
    expect(initialsOf("Ada Lovelace King")).toBe("AK");
    expect(initialsOf("Cher")).toBe("C");
    expect(initialsOf("")).toBe("?");
  });
});
