import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboundEmails, outboxEmails, requests } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifiedRequestRow } from "@/lib/requests/testing";
import { hasMetricsToken } from "./metrics-token";
import { countPublicAction, outcomeOf } from "./registry";
import { scrapeMetrics } from "./scrape-metrics";

const now = new Date();
const DAY = 86_400_000;
const TOKEN = "m".repeat(20) + "0123456789abcdef";

/** The value of one sample line of the exposition, e.g. privacy_desk_requests{status="new"}. */
function sample(body: string, series: string): number | undefined {
  const line = body.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("the metrics token", () => {
  it("takes only the exact bearer token", () => {
    expect(hasMetricsToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(hasMetricsToken(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(hasMetricsToken(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(hasMetricsToken(`Basic ${TOKEN}`, TOKEN)).toBe(false);
    expect(hasMetricsToken(null, TOKEN)).toBe(false);
  });

  it("names results by their error code, and nothing else", () => {
    expect(outcomeOf({ ok: true })).toBe("ok");
    expect(outcomeOf(undefined)).toBe("ok");
    expect(outcomeOf({ ok: false, error: "rate_limited" })).toBe("rate_limited");
    expect(outcomeOf({ ok: false, error: "someone@example.kz" })).toBe("failed");
  });
});

describe.each(testEngines())("metrics content on %s", (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const rows = [
      verifiedRequestRow(1, now, { status: "new", dueAt: new Date(now.getTime() - DAY) }), // overdue
      verifiedRequestRow(2, now, { status: "in_progress" }),
      verifiedRequestRow(3, now, { status: "completed", dueAt: new Date(now.getTime() - DAY) }), // closed: not overdue
      verifiedRequestRow(4, now, { status: "unverified", reference: null, verifiedAt: null }),
    ];
    await database.db.insert(requests).values(rows);
    const mail = (n: number, status: "pending" | "failed" | "sent") => ({ toAddress: "x@example.kz", fromAddress: "desk@example.kz", subject: "s", textBody: "t", htmlBody: "<p>t</p>", template: "t", locale: "ru", headers: {}, messageId: `<m${n}@example.kz>`, status });
    await database.db.insert(outboxEmails).values([mail(1, "pending"), mail(2, "pending"), mail(3, "failed"), mail(4, "sent")]);
    await database.db.insert(inboundEmails).values([{ sourceKey: "a", raw: Buffer.from("x"), rawSize: 1, status: "failed" }, { sourceKey: "b", raw: Buffer.from("y"), rawSize: 1, status: "processed" }]);
    await database.db.transaction((tx) => recordAuditEvent(tx, { actorType: "system", action: "test.metrics", entityType: "test" }));
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("reads queue depth, overdue requests, outbox, inbound and audit seal lag from the database", async () => {
    countPublicAction("submitRequest", "ok");
    countPublicAction("submitRequest", "rate_limited");
    const { body, contentType } = await scrapeMetrics(database.db);
    expect(contentType).toMatch(/^text\/plain/);
    expect(sample(body, "privacy_desk_database_up")).toBe(1);
    expect(sample(body, 'privacy_desk_requests{status="new"}')).toBe(1);
    expect(sample(body, 'privacy_desk_requests{status="in_progress"}')).toBe(1);
    expect(sample(body, 'privacy_desk_requests{status="unverified"}')).toBe(1);
    expect(sample(body, 'privacy_desk_requests{status="denied"}')).toBe(0);
    expect(sample(body, "privacy_desk_requests_overdue")).toBe(1);
    expect(sample(body, 'privacy_desk_outbox_emails{status="pending"}')).toBe(2);
    expect(sample(body, 'privacy_desk_outbox_emails{status="failed"}')).toBe(1);
    expect(sample(body, "privacy_desk_inbound_emails_failed")).toBe(1);
    expect(sample(body, "privacy_desk_audit_pending_rows")).toBeGreaterThanOrEqual(0);
    expect(sample(body, "privacy_desk_audit_seal_lag_seconds")).toBeGreaterThanOrEqual(0);
    expect(sample(body, 'privacy_desk_public_actions_total{action="submitRequest",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(sample(body, 'privacy_desk_public_actions_total{action="submitRequest",outcome="rate_limited"}')).toBeGreaterThanOrEqual(1);
    expect(sample(body, "privacy_desk_process_resident_memory_bytes")).toBeGreaterThan(0);
    // No personal data in the exposition.
    expect(body).not.toContain("@example.kz");
  });

  it("says the database is down, without stale gauges, when it cannot be read", async () => {
    const broken = Promise.reject(new Error("connection refused"));
    const { body } = await scrapeMetrics(broken);
    expect(sample(body, "privacy_desk_database_up")).toBe(0);
    expect(sample(body, 'privacy_desk_requests{status="new"}')).toBeUndefined();
  });
});

