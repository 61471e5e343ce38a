import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestAccessTokens, requestEvents, requests } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { seedDeadlineData } from "@/lib/requests/deadlines/deadline-repository";
import type { AcceptedUpload } from "@/lib/files/upload-rules";
import { hashToken } from "@/lib/security/tokens";
import { getRequestStatus } from "./get-request-status";
import { postRequesterMessage } from "./post-requester-message";
import { fileVerifiedRequest } from "./testing";

// getRequestStatus sends its five reads side by side, each finding the request through the token:
// what the page shows must still be the token's own request, and nothing when the token grants no access.
describe.each(testEngines())("the status page's data on %s", (engine) => {
  let database: TestDatabase;
  let counter = 0;
  const t0 = new Date("2026-11-23T05:00:00Z");
  const ip = "203.0.113.9";

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDeadlineData(database.db);
  });
  afterAll(async () => {
    await database?.drop();
  });

  const filed = () => fileVerifiedRequest(database.db, { email: `status${++counter}@example.kz`, at: t0 });

  it("shows each link its own request's messages, files and timeline, never another's", async () => {
    const mine = await filed();
    const theirs = await filed();
    const pdf: AcceptedUpload = { filename: "mine.pdf", contentType: "application/pdf", sizeBytes: 15, bytes: new TextEncoder().encode("%PDF-1.4\n%%EOF\n") };
    expect(await postRequesterMessage(database.db, { token: mine.statusToken, body: "моё сообщение", attachments: [pdf], ip }, t0)).toEqual({ ok: true });
    expect(await postRequesterMessage(database.db, { token: theirs.statusToken, body: "чужое сообщение", attachments: [], ip }, t0)).toEqual({ ok: true });

    const page = await getRequestStatus(database.db, mine.statusToken, t0);
    if (!page.ok) throw new Error(`status page missing: ${page.error}`);
    expect(page.view.request.reference).toBe(mine.request.reference);
    expect(page.view.messages.map((m) => [m.body, m.files.map((f) => f.filename)])).toEqual([["моё сообщение", ["mine.pdf"]]]);
    expect(page.view.timeline.map((e) => e.kind)).toEqual(["submitted", "verified", "message_received"]);
    // Times come back as the same instants, as Dates (the read aggregates rows as json).
    const stored = await database.db.select({ createdAt: requestEvents.createdAt }).from(requestEvents).where(eq(requestEvents.requestId, mine.request.id)).orderBy(asc(requestEvents.id));
    expect(page.view.timeline.map((e) => e.createdAt)).toEqual(stored.map((e) => e.createdAt));
    expect(page.view.messages[0]!.createdAt).toBeInstanceOf(Date);
    expect(Number.isNaN(page.view.messages[0]!.createdAt.getTime())).toBe(false);

    const other = await getRequestStatus(database.db, theirs.statusToken, t0);
    if (!other.ok) throw new Error("the other status page is missing");
    expect(other.view.messages.map((m) => [m.body, m.files.length])).toEqual([["чужое сообщение", 0]]);
  });

  it("reads the clock's unit from the request's deadline rule", async () => {
    const { request, statusToken } = await filed();
    expect(request.deadlineRuleId).not.toBeNull();
    await database.db.update(requests).set({ status: "awaiting_requester", pausedAt: t0, pausedDays: 3 }).where(eq(requests.id, request.id));
    const page = await getRequestStatus(database.db, statusToken, t0);
    expect(page.ok && page.view.clock).toEqual({ pausedNow: true, stopped: { amount: 3, unit: "working_days" } });

    // Without a rule the clock counts hours.
    await database.db.update(requests).set({ deadlineRuleId: null, pausedMs: 5 * 3_600_000 }).where(eq(requests.id, request.id));
    const ruleless = await getRequestStatus(database.db, statusToken, t0);
    expect(ruleless.ok && ruleless.view.clock.stopped).toEqual({ amount: 5, unit: "hours" });
  });

  it("shows nothing for a revoked, an expired, an unconfirmed or a malformed link", async () => {
    const revoked = await filed();
    await database.db.update(requestAccessTokens).set({ revokedAt: t0 }).where(eq(requestAccessTokens.tokenHash, hashToken(revoked.statusToken)));
    expect(await getRequestStatus(database.db, revoked.statusToken, t0)).toEqual({ ok: false, error: "not_found" });

    const old = await filed();
    await database.db.update(requestAccessTokens).set({ expiresAt: t0 }).where(eq(requestAccessTokens.tokenHash, hashToken(old.statusToken)));
    expect(await getRequestStatus(database.db, old.statusToken, t0)).toEqual({ ok: false, error: "expired" });

    const unconfirmed = await filed();
    await database.db.update(requests).set({ status: "unverified" }).where(eq(requests.id, unconfirmed.request.id));
    expect(await getRequestStatus(database.db, unconfirmed.statusToken, t0)).toEqual({ ok: false, error: "not_found" });

    expect(await getRequestStatus(database.db, "B".repeat(43), t0)).toEqual({ ok: false, error: "not_found" });
    expect(await getRequestStatus(database.db, "not a token", t0)).toEqual({ ok: false, error: "not_found" });
  });
});
