import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, redactUrl } from "./env";

function problemsOf(source: Record<string, string>): EnvError["problems"] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("expected parseEnv to throw");
}

describe("parseEnv", () => {
  it("gives the first operator's defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.OPERATOR_SUPPORT_EMAIL).toBe("info@smart-lift.kz");
    expect(env.OPERATOR_TIME_ZONE).toBe("Asia/Almaty");
    expect(env.DEFAULT_JURISDICTION).toBe("KZ");
    expect(env.DEFAULT_LOCALE).toBe("ru");
    expect(env.DATA_DIR).toBe(".data");
    expect(env.DATABASE_POOL_SIZE).toBe(10);
    expect(env.DATABASE_STATEMENT_TIMEOUT_SECONDS).toBe(30);
    expect(env.DATABASE_LOCK_TIMEOUT_SECONDS).toBe(10);
  });

  it("reads the database pool size and time-outs as numbers", () => {
    const env = parseEnv({ DATABASE_POOL_SIZE: "40", DATABASE_STATEMENT_TIMEOUT_SECONDS: "0", DATABASE_CONNECT_TIMEOUT_SECONDS: "2" });
    expect(env.DATABASE_POOL_SIZE).toBe(40);
    expect(env.DATABASE_STATEMENT_TIMEOUT_SECONDS).toBe(0);
    expect(env.DATABASE_CONNECT_TIMEOUT_SECONDS).toBe(2);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", DEFAULT_LOCALE: "  " }).DEFAULT_LOCALE).toBe("ru");
  });

  it("accepts a PostgreSQL URL and overrides", () => {
    const env = parseEnv({
      DATABASE_URL: "postgres://app:secret@db.internal:5432/privacy",
      OPERATOR_TIME_ZONE: "Europe/Berlin",
      DEFAULT_LOCALE: "en",
      DEFAULT_JURISDICTION: "GDPR",
    });
    expect(env.DATABASE_URL).toBe("postgres://app:secret@db.internal:5432/privacy");
    expect(env.OPERATOR_TIME_ZONE).toBe("Europe/Berlin");
    expect(env.DEFAULT_LOCALE).toBe("en");
  });

  it.each([
    ["DATABASE_URL", "mysql://localhost/db", "PostgreSQL connection URL"],
    ["DATABASE_URL", "not a url", "PostgreSQL connection URL"],
    ["OPERATOR_SUPPORT_EMAIL", "support-at-example", "e-mail address"],
    ["OPERATOR_TIME_ZONE", "Mars/Olympus", "IANA time zone"],
    ["DEFAULT_LOCALE", "de", "ru, kk, en"],
    ["DEFAULT_JURISDICTION", "kz lower", "jurisdiction code"],
    ["APP_URL", "localhost:3000", "public base URL"],
    ["NODE_ENV", "staging", ""],
    ["DATABASE_POOL_SIZE", "0", "whole number of connections from 1 to 200"],
    ["DATABASE_POOL_SIZE", "ten", "whole number of connections from 1 to 200"],
    ["DATABASE_POOL_SIZE", "2.5", "whole number of connections from 1 to 200"],
    ["DATABASE_POOL_SIZE", "500", "whole number of connections from 1 to 200"],
    ["DATABASE_STATEMENT_TIMEOUT_SECONDS", "-1", "whole number of seconds from 0 to 86400 (0 for none)"],
    ["DATABASE_CONNECT_TIMEOUT_SECONDS", "0", "whole number of seconds from 1 to 60"],
  ])("names %s when it is %j", (variable, value, expected) => {
    const problems = problemsOf({ [variable]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.variable).toBe(variable);
    expect(problems[0]?.message).toContain(expected);
  });

  it("lists every wrong variable at once, with a readable message", () => {
    let message = "";
    try {
      parseEnv({ DEFAULT_LOCALE: "de", OPERATOR_TIME_ZONE: "Nowhere" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/DEFAULT_LOCALE: expected one of ru, kk, en/);
    expect(message).toMatch(/OPERATOR_TIME_ZONE: expected an IANA time zone/);
  });
});

describe("redactUrl", () => {
  it("masks the password", () => {
    expect(redactUrl("postgres://app:secret@db:5432/x")).toBe("postgres://app:***@db:5432/x");
  });
});

describe("the development mailbox in production", () => {
  it("is refused with NODE_ENV=production unless explicitly acknowledged", () => {
    expect(problemsOf({ NODE_ENV: "production", DEV_MAILBOX: "true" }).map((p) => p.variable)).toEqual(["DEV_MAILBOX"]);
    expect(parseEnv({ NODE_ENV: "production", DEV_MAILBOX: "true", DEV_MAILBOX_IN_PRODUCTION: "true" }).DEV_MAILBOX).toBe(true);
    expect(parseEnv({ NODE_ENV: "development", DEV_MAILBOX: "true" }).DEV_MAILBOX).toBe(true);
  });
});
