import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fulfilmentHttpCalls, fulfilmentRuns, outboxEmails, requestEvents, requests } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { createStaff } from "@/lib/auth/create-staff";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { completeVerification } from "@/lib/requests/complete-verification";
import { anonymiseRequest } from "@/lib/retention/anonymise-request";
import { verifiedRequestRow } from "@/lib/requests/testing";
import type { SourceClient } from "../connectors/source-client";
import type { DataMap } from "../map/map-schema";
import { readZip } from "../package/read-zip";
import { approveErasure } from "../runs/approve-erasure";
import { collectAccessData } from "../runs/collect-access-data";
import { planErasureRun } from "../runs/plan-erasure-run";
import type { RunDeps } from "../runs/run-support";
import { requireFulfilmentKey } from "../secrets/fulfilment-key";
import { open } from "../secrets/sealed-box";
import { openSampleApp, sampleMap, type SampleApp } from "../testing";
import { deliverDueHttpCalls } from "./deliver-due-http-calls";
import { HTTP_CALL_MAX_ATTEMPTS } from "./http-call-queue";
import { retryHttpCall } from "./retry-http-call";
import { sendSignedCall } from "./send-signed-call";
import { saveSigningKey } from "./signing-key";
import { startSignedEndpoint, type EndpointBehaviour, type SignedEndpoint } from "./testing/signed-endpoint";

// The map in force for "secure this account" on verification: the test's own map (loadDataMap
// reads FULFILMENT_MAP, fixed for the process).
const mapInForce = vi.hoisted(() => ({ map: null as unknown }));
vi.mock("../map/load-data-map", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../map/load-data-map")>()),
  loadDataMap: async () => (mapInForce.map ? { file: "test-map.yaml", text: "", map: mapInForce.map } : null),
}));

const SIGNING_KEY = "k".repeat(40);
const ACCOUNT_ROWS = [{ login: "aigerim", email: "aigerim@example.kz", last_login_ip: "10.0.0.7", password_hash: "never-in-a-package" }];

/** The endpoint's usual answers, by path. */
function usualAnswer(call: { path: string }): EndpointBehaviour {
  if (call.path === "/access") return { status: 200, body: { collections: [{ table: "accounts", rows: ACCOUNT_ROWS }] } };
  if (call.path === "/erase") return { status: 200, body: { counts: { accounts: 1, sessions: 3 } } };
  if (call.path === "/secure") return { status: 200, body: { actions: ["sessions_revoked", "password_reset"] } };
  return { status: 404 };
}

function withEndpoint(map: DataMap, url: string, timeoutSeconds = 5): DataMap {
  return {
    ...map,
    http_sources: [
      {
        id: "auth",
        title: "Auth service",
        calls: { access: `${url}/access`, erasure: `${url}/erase`, secure_account: `${url}/secure` },
        timeout_seconds: timeoutSeconds,
        collections: [{ table: "accounts", fields: [{ column: "login", category: "identity_contacts" }, { column: "last_login_ip", category: "device" }] }],
      },
    ],
  };
}

describe("one signed call to a real local server", () => {
  let endpoint: SignedEndpoint;
  beforeAll(async () => {
    endpoint = await startSignedEndpoint(SIGNING_KEY, usualAnswer);
  });
  afterAll(() => endpoint.close());
  // A generous time-out (a loaded machine is slow), except where the time-out is what is tested.
  const call = (path: string, signingKey = SIGNING_KEY, timeoutMs = 10_000) =>
    sendSignedCall({ url: `${endpoint.url}${path}`, body: Buffer.from('{"id":"x"}'), signingKey, callId: "00000000-0000-4000-8000-000000000001", purpose: "access", timeoutMs });

  it("is signed so that the endpoint's check passes, with the call's id as Idempotency-Key", async () => {
    expect(await call("/access")).toEqual({ kind: "answered", body: { collections: [{ table: "accounts", rows: ACCOUNT_ROWS }] } });
    expect(endpoint.received.at(-1)).toMatchObject({ signature: "ok", purpose: "access", idempotencyKey: "00000000-0000-4000-8000-000000000001" });
  });

  it("is refused by the endpoint when signed with another key", async () => {
    expect(await call("/access", "x".repeat(40))).toEqual({ kind: "failed", error: "HTTP 401" });
    expect(endpoint.received.at(-1)!.signature).toBe("mismatch");
  });

  it("is worth retrying after a 500, a 429 or a time-out, and not after a 404 or an answer that is not JSON", async () => {
    endpoint.queue("/access", { status: 500 }, { status: 429 }, { hang: true });
    expect(await call("/access")).toEqual({ kind: "retry", error: "HTTP 500" });
    expect(await call("/access")).toEqual({ kind: "retry", error: "HTTP 429" });
    expect(await call("/access", SIGNING_KEY, 1_000)).toEqual({ kind: "retry", error: "no answer within 1 s" });
    expect(await call("/nowhere")).toEqual({ kind: "failed", error: "HTTP 404" });
    expect(await sendSignedCall({ url: "http://127.0.0.1:9/closed", body: Buffer.from("{}"), signingKey: SIGNING_KEY, callId: "c", purpose: "access", timeoutMs: 10_000 })).toMatchObject({ kind: "retry", error: expect.stringMatching(/^no connection/) });
  });
});

let counter = 0;

describe.each(testEngines())("HTTP endpoints in fulfilment runs on %s", (engine) => {
  let database: TestDatabase;
  let app: SampleApp;
  let endpoint: SignedEndpoint;
  let agent: CurrentStaff;
  let compliance: CurrentStaff;
  let key: Buffer;
  const db = () => database.db;

  beforeAll(async () => {
    key = requireFulfilmentKey();
    database = await createTestDatabase(engine);
    app = await openSampleApp(engine);
    endpoint = await startSignedEndpoint(SIGNING_KEY, usualAnswer);
    const make = async (role: CurrentStaff["role"]) => {
      const row = await createStaff(database.db, { email: `${role}-http-${engine}@privacy-desk.test`, name: role, role }, SYSTEM_ACTOR);
      return { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale };
    };
    agent = await make("agent");
    compliance = await make("compliance");
    await saveSigningKey(database.db, { sourceId: "auth", signingKey: SIGNING_KEY }, SYSTEM_ACTOR, key);
  }, 120_000);
  afterAll(async () => {
    await endpoint?.close();
    await app?.drop();
    await database?.drop();
  });
  // Generous on a loaded machine; the time-out test shortens it.
  let timeoutSeconds = 5;
  beforeEach(async () => {
    timeoutSeconds = 5;
    mapInForce.map = withEndpoint(sampleMap(), endpoint.url);
    endpoint.received.length = 0;
    await app.reset();
  });

  const shared = (): SourceClient => ({ read: (work) => app.client.read(work), write: (work) => app.client.write(work), close: async () => {} });
  const deps = (): RunDeps => ({ map: withEndpoint(sampleMap(), endpoint.url, timeoutSeconds), openSource: async () => shared(), key, rowCap: 1000 });
  /** The worker's HTTP step at a moment `afterMs` from now. */
  const deliver = (afterMs = 0) => deliverDueHttpCalls(db(), async () => deps(), { now: new Date(Date.now() + afterMs) });

  async function request(type: "access" | "deletion" | "credential_misuse", email: string, details: Record<string, unknown>, status: "in_progress" | "unverified" = "in_progress") {
    const i = ++counter + (engine === "postgres" ? 700 : 300);
    const [row] = await db()
      .insert(requests)
      .values(verifiedRequestRow(i, new Date(), { type, status, requesterEmail: email, locale: "en", details, ...(status === "unverified" ? { reference: null, verifiedAt: null } : {}) }))
      .returning();
    return row!;
  }
  const events = async (requestId: string) => (await db().select().from(requestEvents).where(eq(requestEvents.requestId, requestId))).map((event) => ({ kind: event.kind, data: event.data as Record<string, unknown> }));

  it("collects an access request from the database and the endpoint: a 500 twice, then the rows go into the package", async () => {
    const req = await request("access", "aigerim@example.kz", { categories: [], format: "json" });
    endpoint.queue("/access", { status: 500 }, { status: 500 });
    const waiting = await collectAccessData(db(), { requestId: req.id }, agent, deps());
    expect(waiting.status).toBe("collecting");

    expect(await deliver()).toMatchObject({ claimed: 1, retried: 1 });
    expect(await deliver()).toMatchObject({ claimed: 0 });
    const [afterOne] = await db().select().from(fulfilmentHttpCalls).where(eq(fulfilmentHttpCalls.requestId, req.id));
    expect(afterOne).toMatchObject({ status: "pending", attempts: 1, lastError: "HTTP 500" });
    expect(await deliver(11_000)).toMatchObject({ claimed: 1, retried: 1 });
    expect(await deliver(60_000)).toMatchObject({ claimed: 1, answered: 1 });

    // Three tries, each signed and checked by the server, all with the same Idempotency-Key.
    expect(endpoint.received.map((call) => call.signature)).toEqual(["ok", "ok", "ok"]);
    expect(new Set(endpoint.received.map((call) => call.idempotencyKey)).size).toBe(1);
    expect(endpoint.received[0]!.body).toMatchObject({ purpose: "access", reference: req.reference, subject: { emails: ["aigerim@example.kz"] } });

    const [run] = await db().select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, waiting.id));
    expect(run!.status).toBe("preview");
    const counts = (run!.summary as { counts: { sourceId: string; table: string; rows: number }[] }).counts;
    expect(counts).toEqual(expect.arrayContaining([expect.objectContaining({ sourceId: "auth", table: "accounts", rows: 1 }), expect.objectContaining({ sourceId: "app", table: "users", rows: 1 })]));
    const zip = readZip(open(key, run!.packageSealed!, `package:${run!.id}`));
    const csv = zip.get("csv/auth-accounts.csv")!.toString("utf8");
    expect(csv).toContain("aigerim");
    // Only the fields the map declares reach the package.
    expect(csv).not.toContain("never-in-a-package");
    expect(zip.get("summary.html")!.toString("utf8")).toContain("Auth service");

    const answered = (await events(req.id)).find((event) => event.kind === "http_call_answered");
    expect(answered!.data).toMatchObject({ source: "auth", purpose: "access", attempts: 3, rows: 1 });
    expect(JSON.stringify(answered)).not.toContain("aigerim");

    // Idempotent: nothing is due any more, and a second collection is refused without a second call.
    expect(await deliver(3_600_000)).toMatchObject({ claimed: 0 });
    await expect(collectAccessData(db(), { requestId: req.id }, agent, deps())).rejects.toMatchObject({ reason: "run_exists" });
    expect(await db().select().from(fulfilmentHttpCalls).where(eq(fulfilmentHttpCalls.requestId, req.id))).toHaveLength(1);
  });

  it("gives up on an endpoint that never answers in time, shows it on the run, and staff retry it", async () => {
    timeoutSeconds = 1;
    const req = await request("access", "aigerim@example.kz", { categories: [], format: "json" });
    endpoint.queue("/access", ...Array.from({ length: HTTP_CALL_MAX_ATTEMPTS }, () => ({ hang: true as const })));
    const waiting = await collectAccessData(db(), { requestId: req.id }, agent, deps());
    for (let attempt = 1; attempt <= HTTP_CALL_MAX_ATTEMPTS; attempt++) await deliver(attempt * 11 * 60_000);
    const [call] = await db().select().from(fulfilmentHttpCalls).where(eq(fulfilmentHttpCalls.requestId, req.id));
    expect(call).toMatchObject({ status: "failed", attempts: HTTP_CALL_MAX_ATTEMPTS, lastError: `no answer within 1 s (gave up after ${HTTP_CALL_MAX_ATTEMPTS} tries)` });
    const [failed] = await db().select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, waiting.id));
    expect(failed).toMatchObject({ status: "failed", error: expect.stringContaining("auth: no answer within 1 s") });
    expect((await events(req.id)).map((event) => event.kind)).toContain("http_call_failed");

    // Only a call that failed for good can be retried; a retry puts the run back to collecting.
    timeoutSeconds = 5;
    await retryHttpCall(db(), { requestId: req.id, callId: call!.id }, agent);
    await expect(retryHttpCall(db(), { requestId: req.id, callId: call!.id }, agent)).rejects.toMatchObject({ reason: "call_state" });
    const [again] = await db().select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, waiting.id));
    expect(again!.status).toBe("collecting");
    expect(await deliver()).toMatchObject({ answered: 1 });
    const [ready] = await db().select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, waiting.id));
    expect(ready!.status).toBe("preview");
    expect((await events(req.id)).map((event) => event.kind)).toEqual(expect.arrayContaining(["http_call_retried", "http_call_answered"]));
  }, 60_000);

  it("erases through the endpoint after the four-eyes approval and e-mails the requester once its counts are in", async () => {
    const req = await request("deletion", "aigerim@example.kz", { scope: "account" });
    const planned = await planErasureRun(db(), { requestId: req.id }, agent, deps());
    expect(planned.status).toBe("awaiting_approval");
    const executing = await approveErasure(db(), { runId: planned.id }, compliance, deps());
    expect(executing.status).toBe("executing");
    expect(await db().select().from(outboxEmails).where(and(eq(outboxEmails.requestId, req.id), eq(outboxEmails.template, "erasure_completed")))).toHaveLength(0);

    expect(await deliver()).toMatchObject({ answered: 1 });
    expect(endpoint.received).toEqual([expect.objectContaining({ path: "/erase", purpose: "erasure", signature: "ok" })]);
    const [done] = await db().select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, planned.id));
    expect(done!.status).toBe("done");
    const results = (done!.summary as { results: { sourceId: string; collections: { table: string; rows: number }[] }[] }).results;
    expect(results.find((result) => result.sourceId === "auth")!.collections).toEqual([
      { table: "accounts", action: "delete_row", rows: 1 },
      { table: "sessions", action: "delete_row", rows: 3 },
    ]);
    expect(await db().select().from(outboxEmails).where(and(eq(outboxEmails.requestId, req.id), eq(outboxEmails.template, "erasure_completed")))).toHaveLength(1);
    expect((await events(req.id)).find((event) => event.kind === "http_call_answered")!.data).toMatchObject({ purpose: "erasure", erased: 4 });
  });

  it("asks the endpoint to secure the account as soon as a misuse report is verified, first in the queue", async () => {
    // An access call is due too: the misuse call goes first.
    const access = await request("access", "other@example.kz", { categories: [], format: "json" });
    await collectAccessData(db(), { requestId: access.id }, agent, deps());
    const report = await request("credential_misuse", "aigerim@example.kz", { accountIdentifier: "aigerim", noticedOn: "2026-11-29", whatHappened: "Someone changed my e-mail", passwordChanged: "no" }, "unverified");
    await db().transaction((tx) => completeVerification(tx, report));

    const started = Date.now();
    expect(await deliverDueHttpCalls(db(), async () => deps(), { batchSize: 1 })).toMatchObject({ answered: 1 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(endpoint.received[0]).toMatchObject({ path: "/secure", purpose: "secure_account", signature: "ok", body: { reported_account: "aigerim", subject: { emails: ["aigerim@example.kz"] } } });
    const answered = (await events(report.id)).find((event) => event.kind === "http_call_answered");
    expect(answered!.data).toMatchObject({ purpose: "secure_account", actions: "sessions_revoked, password_reset", attempts: 1 });

    // Verified once: one call, never a second.
    expect(await db().select().from(fulfilmentHttpCalls).where(eq(fulfilmentHttpCalls.requestId, report.id))).toHaveLength(1);

    // Anonymised after the retention period: the call and the identities it sent are gone, its timeline event stays.
    await db().update(requests).set({ status: "completed", closedAt: new Date(Date.now() - 86_400_000) }).where(eq(requests.id, report.id));
    expect(await db().transaction((tx) => anonymiseRequest(tx, { requestId: report.id, closedBefore: new Date(), now: new Date() }))).not.toBeNull();
    expect(await db().select().from(fulfilmentHttpCalls).where(eq(fulfilmentHttpCalls.requestId, report.id))).toHaveLength(0);
    expect((await events(report.id)).map((event) => event.kind)).toContain("http_call_answered");
  });

  it("shows a refused misuse call as failed and sends it again when staff retry", async () => {
    endpoint.queue("/secure", { status: 403 });
    const report = await request("credential_misuse", "aigerim@example.kz", { accountIdentifier: "aigerim", noticedOn: "2026-11-29", whatHappened: "x", passwordChanged: "yes" }, "unverified");
    await db().transaction((tx) => completeVerification(tx, report));
    expect(await deliver()).toMatchObject({ failed: 1 });
    const [call] = await db().select().from(fulfilmentHttpCalls).where(eq(fulfilmentHttpCalls.requestId, report.id));
    expect(call).toMatchObject({ status: "failed", lastError: "HTTP 403" });
    expect((await events(report.id)).find((event) => event.kind === "http_call_failed")!.data).toMatchObject({ error: "HTTP 403" });
    await retryHttpCall(db(), { requestId: report.id, callId: call!.id }, agent);
    expect(await deliver()).toMatchObject({ answered: 1 });
  });
});
