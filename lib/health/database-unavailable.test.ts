import { describe, expect, it } from "vitest";
import { DATABASE_UNAVAILABLE_DIGEST, DatabaseUnavailableError, isDatabaseUnavailableError } from "./database-unavailable";

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailableError", () => {
  it.each(["ECONNREFUSED", "CONNECT_TIMEOUT", "CONNECTION_CLOSED", "57P01", "57P03", "53300", "08006", "57014", "55P03"])("recognises %s", (code) => {
    expect(isDatabaseUnavailableError(withCode(code))).toBe(true);
  });

  it("looks through causes (drizzle's Failed query) and AggregateErrors (several addresses refused)", () => {
    const refused = new AggregateError([withCode("ECONNREFUSED")], "");
    expect(isDatabaseUnavailableError(new Error("Failed query: select 1", { cause: refused }))).toBe(true);
  });

  it("leaves bugs and bad input alone", () => {
    expect(isDatabaseUnavailableError(withCode("42P01"))).toBe(false);
    expect(isDatabaseUnavailableError(withCode("23505"))).toBe(false);
    expect(isDatabaseUnavailableError(new Error("Failed query", { cause: withCode("22P02") }))).toBe(false);
    expect(isDatabaseUnavailableError("ECONNREFUSED")).toBe(false);
  });

  it("carries a digest the error page can recognise, and its cause", () => {
    const cause = withCode("ECONNREFUSED");
    const error = new DatabaseUnavailableError(cause);
    expect(error.digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
    expect(error.cause).toBe(cause);
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });
});
