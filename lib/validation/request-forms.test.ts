import { describe, expect, it } from "vitest";
import { parseErrorCode, verificationCodeSchema } from "./request-forms";

describe("requester form schemas", () => {
  it("parses codes with spaces and refuses anything but six digits", () => {
    expect(verificationCodeSchema.parse({ code: " 123 456 " }).code).toBe("123456");
    expect(verificationCodeSchema.safeParse({ code: "12345a" }).success).toBe(false);
  });

  it("splits error codes", () => {
    expect(parseErrorCode("tooLong:200")).toEqual({ key: "tooLong", value: 200 });
    expect(parseErrorCode("required")).toEqual({ key: "required", value: undefined });
  });
});
