import { describe, expect, it } from "vitest";
import { errorMessage, formatLogLine } from "./log";

const TIME = new Date("2026-01-02T03:04:05.000Z");

describe("log lines", () => {
  it("are one JSON object per line with level, time, message and fields", () => {
    const line = formatLogLine("info", "database ready: PGlite at .data/db", { ms: 42 }, { time: TIME });
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({ app: "privacy-desk", level: "info", time: "2026-01-02T03:04:05.000Z", message: "database ready: PGlite at .data/db", fields: { ms: 42 } });
  });

  it("keep a newline in attacker text inside the message, so it cannot start a fake entry", () => {
    const forged = 'x\n{"app":"privacy-desk","level":"error","message":"admin signed in"}\n[privacy-desk] ERROR fake';
    const line = formatLogLine("warn", `next-auth: ${forged}`, undefined, { time: TIME });
    expect(line.split("\n")).toHaveLength(1);
    expect(JSON.parse(line).message).toBe(`next-auth: ${forged}`);
  });

  it("drop a failed query's parameters and redact e-mail addresses in messages", () => {
    const message = 'action fileRequest failed: Failed query: insert into "requests" ("name", "email") values ($1, $2)\nparams: Айгерим Сагынова,aigerim@example.kz';
    const parsed = JSON.parse(formatLogLine("error", message, undefined, { time: TIME }));
    expect(parsed.message).toContain('insert into "requests"');
    expect(parsed.message).not.toContain("Айгерим");
    expect(parsed.message).not.toContain("aigerim@example.kz");
    expect(formatLogLine("warn", "mail to aigerim@example.kz bounced")).toContain("mail to [email] bounced");
  });

  it("redact fields that hold personal data or secrets, and tokens in any string, but keep ids", () => {
    const parsed = JSON.parse(
      formatLogLine("info", "status link sent", {
        email: "aigerim@example.kz",
        requesterName: "Айгерим",
        code: "123456",
        ip: "203.0.113.7",
        inboundEmailId: "4c1e7a52-7c0e-4a8b-9d1f-2b3c4d5e6f70",
        url: "https://desk.example/r/Q2hhbmdlIHRoaXMgdG9rZW4gcGxlYXNl",
        count: 3,
      }),
    );
    expect(parsed.fields).toEqual({
      email: "[redacted]",
      requesterName: "[redacted]",
      code: "[redacted]",
      ip: "[redacted]",
      inboundEmailId: "4c1e7a52-7c0e-4a8b-9d1f-2b3c4d5e6f70",
      url: "https://desk.example/r/[token]",
      count: 3,
    });
  });

  it("leave the start-up notice the app composes itself readable", () => {
    const line = formatLogLine("info", "demo staff sign-in: http://localhost:3000/ru/staff/sign-in — admin@privacy-desk.test / s3cret", undefined, { redact: false });
    expect(JSON.parse(line).message).toContain("admin@privacy-desk.test");
  });
});

describe("query log", () => {
  it("keeps SQL identifiers readable", () => {
    const parsed = JSON.parse(formatLogLine("debug", "query", { sql: 'select "requester_email_verified_at_column" from "requests" where "id" = $1' }));
    expect(parsed.fields.sql).toContain("requester_email_verified_at_column");
  });
});

describe("errorMessage", () => {
  it("keeps what caused the error, with its code", () => {
    const database = Object.assign(new Error('relation "requests" does not exist'), { code: "42P01" });
    const wrapped = new Error('Failed query: select 1 from "requests"', { cause: database });
    expect(errorMessage(wrapped)).toBe('Failed query: select 1 from "requests"\ncaused by: 42P01: relation "requests" does not exist');
  });

  it("follows a chain of causes and an AggregateError's first part, and stops on a cycle", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    const outer = new Error("the database is unavailable", { cause: new AggregateError([refused], "") });
    expect(errorMessage(outer)).toBe("the database is unavailable\ncaused by: connect ECONNREFUSED 127.0.0.1:1");
    const cyclic = new Error("a");
    (cyclic as { cause?: unknown }).cause = cyclic;
    expect(errorMessage(cyclic)).toBe("a");
    expect(errorMessage("plain")).toBe("plain");
  });

  it("keeps the cause readable in a log line while a failed query's parameters are redacted", () => {
    const failed = new Error('Failed query: insert into "requests" ("email") values ($1)\nparams: aigerim@example.kz', {
      cause: Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }),
    });
    const parsed = JSON.parse(formatLogLine("error", errorMessage(failed), undefined, { time: TIME }));
    expect(parsed.message).not.toContain("aigerim");
    expect(parsed.message).toContain("caused by: 57014: canceling statement due to statement timeout");
  });
});
