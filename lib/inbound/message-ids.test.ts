import { describe, expect, it } from "vitest";
import { firstMessageId, listMessageIds } from "./message-ids";

describe("listMessageIds", () => {
  it("splits a References value into bracketed ids, oldest first", () => {
    expect(listMessageIds("<a@x.kz> <b@x.kz>\r\n <c@x.kz>")).toEqual(["<a@x.kz>", "<b@x.kz>", "<c@x.kz>"]);
  });

  it("adds brackets to bare ids separated by spaces or commas", () => {
    expect(listMessageIds(" a@x.kz, b@x.kz ")).toEqual(["<a@x.kz>", "<b@x.kz>"]);
  });

  it("takes only the bracketed ids out of old-style prose and ignores comments", () => {
    expect(listMessageIds("Your message of Mon, 24 Nov 2026 10:00 <a@x.kz> (Anna)")).toEqual(["<a@x.kz>"]);
  });

  it("removes whitespace left inside an id by folding, and repeats", () => {
    expect(listMessageIds("<a@\r\n x.kz> <a@x.kz> <>")).toEqual(["<a@x.kz>"]);
  });

  it("returns nothing for an empty or missing value", () => {
    expect(listMessageIds("")).toEqual([]);
    expect(listMessageIds(undefined)).toEqual([]);
    expect(listMessageIds("   ")).toEqual([]);
  });
});

describe("firstMessageId", () => {
  it("normalises one id and takes the first of several", () => {
    expect(firstMessageId("  abc@x.kz ")).toBe("<abc@x.kz>");
    expect(firstMessageId("<a@x.kz> <b@x.kz>")).toBe("<a@x.kz>");
    expect(firstMessageId(null)).toBeNull();
  });
});
