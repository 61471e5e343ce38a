import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, files, fulfilmentRuns, fulfilmentRunSources, outboxEmails, requests } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { createStaff } from "@/lib/auth/create-staff";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { readRequestFile } from "@/lib/files/read-request-file";
import { verifiedRequestRow } from "@/lib/requests/testing";
import { anonymiseRequest } from "@/lib/retention/anonymise-request";
import type { SourceClient } from "../connectors/source-client";
import type { MapSource } from "../map/map-schema";
import { readZip } from "../package/read-zip";
import { keyedHash } from "../secrets/sealed-box";
import { openSampleApp, sampleMap, type SampleApp } from "../testing";
import { applyCorrections } from "./apply-corrections";
import { approveErasure } from "./approve-erasure";
import { planCorrectionRun } from "./plan-correction-run";
import { collectAccessData } from "./collect-access-data";
import { deliverAccessPackage } from "./deliver-access-package";
import { executeErasure } from "./execute-erasure";
import { planErasureAgain, planErasureRun } from "./plan-erasure-run";
import type { RunDeps } from "./run-support";

const KEY = Buffer.alloc(32, 3);
let counter = 0;

describe.each(testEngines())("fulfilment runs on %s", (engine) => {
  let database: TestDatabase;
  let app: SampleApp;
  let agent: CurrentStaff;
  let compliance: CurrentStaff;
  let admin: CurrentStaff;
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await openSampleApp(engine);
    const make = async (role: CurrentStaff["role"]) => {
      const row = await createStaff(database.db, { email: `${role}-${engine}@privacy-desk.test`, name: role, role }, SYSTEM_ACTOR);
      return { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale };
    };
    agent = await make("agent");
    compliance = await make("compliance");
    admin = await make("admin");
  }, 120_000);
  afterAll(async () => {
    await app?.drop();
    await database?.drop();
  });

  // The run closes what it opens; the test's own client stays open for the next test.
  const shared = (): SourceClient => ({ read: (work) => app.client.read(work), write: (work) => app.client.write(work), close: async () => {} });
  const deps = (over: Partial<RunDeps> = {}): RunDeps => ({ map: sampleMap(), openSource: async () => shared(), key: KEY, rowCap: 1000, ...over });

  async function request(type: "access" | "deletion" | "correction", email: string, details: Record<string, unknown>, locale: "ru" | "kk" | "en" = "kk") {
    const i = ++counter + (engine === "postgres" ? 500 : 0);
    const [row] = await db()
      .insert(requests)
      .values(verifiedRequestRow(i, new Date(), { type, status: "in_progress", requesterEmail: email, locale, details }))
      .returning();
    return row!;
  }

  it("collects an access request in Kazakh, previews counts, and delivers a ZIP through the status page", async () => {
    const req = await request("access", "aigerim@example.kz", { categories: ["identity_contacts", "geolocation", "messages"], format: "json" });
    const run = await collectAccessData(db(), { requestId: req.id }, agent, deps());
    expect(run.status).toBe("preview");
    const counts = (run.summary as { counts: { table: string; rows: number; categories: Record<string, string[]> }[] }).counts;
    expect(counts.map((count) => [count.table, count.rows])).toEqual([
      ["users", 1],
      ["locations", 3],
      ["support_messages", 2],
    ]);
    expect(counts.find((count) => count.table === "users")!.categories).toEqual({ identity_contacts: ["id", "email", "phone", "full_name", "birth_date"] });

    // A second start of the same step is refused.
    await expect(collectAccessData(db(), { requestId: req.id }, agent, deps())).rejects.toMatchObject({ code: "conflict", reason: "run_exists" });

    const delivered = await deliverAccessPackage(db(), { runId: run.id }, agent, KEY);
    expect(delivered.status).toBe("delivered");
    expect(delivered.packageSealed).toBeNull();
    const [reqAfter] = await db().select().from(requests).where(eq(requests.id, req.id));
    expect(reqAfter!.status).toBe("completed");
    const [file] = await db().select().from(files).where(and(eq(files.requestId, req.id), eq(files.purpose, "data_package")));
    expect(file).toMatchObject({ contentType: "application/zip" });
    expect(file!.availableUntil).not.toBeNull();
    const stored = await readRequestFile(db(), { requestId: req.id, fileId: file!.id });
    const zip = readZip(stored!.bytes);
    expect([...zip.keys()].sort()).toEqual(["csv/app-locations.csv", "csv/app-support_messages.csv", "csv/app-users.csv", "data.json", "summary.html"]);
    const summary = zip.get("summary.html")!.toString("utf8");
    expect(summary).toContain('lang="kk"');
    expect(summary).toContain("Сіздің дербес деректеріңіз");
    expect(summary).toContain("Геолокация");
    expect(summary).toContain("Айгерим Серікқызы");
    // Device data was not asked for.
    expect(summary).not.toContain("Samsung");
    const json = JSON.parse(zip.get("data.json")!.toString("utf8")) as { sources: { collections: { table: string; rows: unknown[] }[] }[] };
    expect(json.sources[0]!.collections.find((c) => c.table === "support_messages")!.rows).toHaveLength(2);
    expect(zip.get("csv/app-users.csv")!.toString("utf8")).toMatch(/^\uFEFFid,email,phone,full_name,birth_date\r\n1,aigerim@example\.kz,/);

    // The audit records counts, never the values.
    const audit = await db().select().from(auditLog).where(eq(auditLog.requestId, req.id));
    const actions = audit.map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["request.fulfilment_started", "request.fulfilment_collected", "request.fulfilment_delivered", "request.completed"]));
    expect(JSON.stringify(audit.filter((row) => row.action.startsWith("request.fulfilment")).map((row) => row.data))).not.toMatch(/aigerim|Айгерим|51\.1/);

    // Anonymised after the retention period: the collected rows go, the counts per source stay.
    const sourcesOf = () => db().select().from(fulfilmentRunSources).where(eq(fulfilmentRunSources.runId, run.id));
    expect((await sourcesOf()).some((source) => source.payloadSealed !== null)).toBe(true);
    await db().update(requests).set({ closedAt: new Date(Date.now() - 86_400_000) }).where(eq(requests.id, req.id));
    expect(await db().transaction((tx) => anonymiseRequest(tx, { requestId: req.id, closedBefore: new Date(), now: new Date() }))).not.toBeNull();
    const anonymised = await sourcesOf();
    expect(anonymised.map((source) => source.payloadSealed)).toEqual(anonymised.map(() => null));
    expect(anonymised.every((source) => source.result !== null)).toBe(true);
  });

  it("caps rows per collection and says so in the preview and the package", async () => {
    const req = await request("access", "aigerim@example.kz", { categories: ["geolocation"], format: "csv" }, "en");
    const run = await collectAccessData(db(), { requestId: req.id }, agent, deps({ rowCap: 2 }));
    const counts = (run.summary as { counts: { table: string; rows: number; capped: boolean }[] }).counts;
    expect(counts).toEqual([expect.objectContaining({ table: "locations", rows: 2, capped: true })]);
  });

  it("matches a correction to mapped columns, applies only the approved changes, and audits hashes, not values", async () => {
    const req = await request("correction", "aigerim@example.kz", {
      corrections: [
        { field: "Аты-жөні", currentValue: "Айгерим Серікқызы", correctedValue: "Айгерим Серікова" },
        { field: "Date of birth", currentValue: "1994-03-08", correctedValue: "1994-03-09" },
        { field: "Любимый цвет", currentValue: "", correctedValue: "синий" },
      ],
    });
    const planned = await planCorrectionRun(db(), { requestId: req.id }, agent, deps());
    const matches = (planned.summary as { matches: { index: number; target: { table: string; column: string } | null }[] }).matches;
    expect(matches.map((match) => match.target && `${match.target.table}.${match.target.column}`)).toEqual(["users.full_name", "users.birth_date", null]);

    // Staff approve the name only.
    const done = await applyCorrections(db(), { runId: planned.id, approved: [0, 2] }, agent, deps());
    expect(done.status).toBe("done");
    const [row] = await app.client.read((q) => q("select full_name, birth_date::text as birth from users where id = 1"));
    expect(row).toEqual({ full_name: "Айгерим Серікова", birth: "1994-03-08" });
    const applied = (done.summary as { applied: { target: string; rows: number; before: string[]; after: string }[] }).applied;
    expect(applied).toEqual([{ index: 0, target: "app.users.full_name", rows: 1, before: [keyedHash(KEY, "Айгерим Серікқызы")], after: keyedHash(KEY, "Айгерим Серікова") }]);
    const audit = await db().select().from(auditLog).where(eq(auditLog.requestId, req.id));
    expect(JSON.stringify(audit.map((entry) => entry.data))).not.toMatch(/Айгерим|1994/);
    expect(audit.find((entry) => entry.action === "fulfilment.correction_applied")!.data).toEqual({ changes: applied });
    await expect(applyCorrections(db(), { runId: planned.id, approved: [1] }, agent, deps())).rejects.toMatchObject({ reason: "run_state" });
  });

  it("resumes a collection whose second source failed, without reading the first again", async () => {
    const sample = sampleMap();
    const second: MapSource = { ...sample.sources[0]!, id: "app2", title: "Second copy" };
    const map = { ...sample, sources: [sample.sources[0]!, second] };
    const opened: string[] = [];
    let failSecond = true;
    const openSource = async (id: string) => {
      opened.push(id);
      if (id === "app2" && failSecond) throw Object.assign(new Error('connect ECONNREFUSED "secret-host" for aigerim@example.kz'), { code: "ECONNREFUSED" });
      return shared();
    };
    const req = await request("access", "aigerim@example.kz", { categories: ["surveys"], format: "json" }, "ru");
    const failed = await collectAccessData(db(), { requestId: req.id }, agent, deps({ map, openSource }));
    expect(failed.status).toBe("failed");
    expect(failed.error).toContain("app2");
    expect(failed.error).not.toContain("secret-host");
    failSecond = false;
    opened.length = 0;
    const resumed = await collectAccessData(db(), { requestId: req.id }, agent, deps({ map, openSource }));
    expect(resumed.status).toBe("preview");
    expect(opened).toEqual(["app2"]);
    expect((resumed.summary as { counts: unknown[] }).counts).toHaveLength(2);
  });

  it("erases after a dry run and a second person's approval; the starter cannot approve; the requester gets the list", async () => {
    const req = await request("deletion", "ivan@example.kz", { scope: "account", categories: [], acknowledgeConsequences: true }, "ru");
    const planned = await planErasureRun(db(), { requestId: req.id }, admin, deps());
    expect(planned.status).toBe("awaiting_approval");
    const plan = (planned.summary as { plan: { collections: { table: string; action: string; rows: number }[] }[] }).plan[0]!.collections;
    expect(plan.find((step) => step.table === "devices")).toMatchObject({ action: "delete_row", rows: 2 });
    expect(plan.find((step) => step.table === "payments")).toMatchObject({ action: "keep", rows: 1 });
    // Nothing changed yet.
    expect((await app.client.read((q) => q("select count(*)::int as n from devices where user_id = 2")))[0]!.n).toBe(2);

    // The admin started it: the four-eyes rule refuses the admin's own approval; an agent has no such right at all.
    await expect(approveErasure(db(), { runId: planned.id }, admin, deps())).rejects.toMatchObject({ code: "conflict", reason: "four_eyes" });
    await expect(approveErasure(db(), { runId: planned.id }, agent, deps())).rejects.toMatchObject({ code: "forbidden" });

    const done = await approveErasure(db(), { runId: planned.id }, compliance, deps());
    expect(done.status).toBe("done");
    expect(done.approvedBy).toBe(compliance.id);
    expect((await app.client.read((q) => q("select count(*)::int as n from devices where user_id = 2")))[0]!.n).toBe(0);
    expect((await app.client.read((q) => q("select email, full_name from users where id = 2")))[0]).toEqual({ email: keyedHash(KEY, "ivan@example.kz"), full_name: "(erased)" });

    const [email] = await db().select().from(outboxEmails).where(and(eq(outboxEmails.requestId, req.id), eq(outboxEmails.template, "erasure_completed")));
    expect(email!.textBody).toMatch(/Данные об устройстве: удалены 2 записи/);
    expect(email!.textBody).toMatch(/Платёжные записи хранятся 5 лет/);
    // Approving again is refused: the run is done.
    await expect(approveErasure(db(), { runId: planned.id }, compliance, deps())).rejects.toMatchObject({ code: "conflict", reason: "run_state" });
  });

  it("resumes an erasure cut short between two sources, and each source is erased once", async () => {
    const other = await openSampleApp(engine);
    try {
      const sample = sampleMap();
      const map = { ...sample, sources: [sample.sources[0]!, { ...sample.sources[0]!, id: "analytics", title: "Analytics copy" }] };
      const clients: Record<string, SourceClient> = {
        app: shared(),
        analytics: { read: (work) => other.client.read(work), write: (work) => other.client.write(work), close: async () => {} },
      };
      const runDeps = deps({ map, openSource: async (id) => clients[id]! });
      // Person 3 in both databases.
      const req = await request("deletion", "other.person@example.kz", { scope: "categories", categories: ["device", "geolocation"], acknowledgeConsequences: true }, "en");
      const planned = await planErasureRun(db(), { requestId: req.id }, agent, runDeps);
      await db().update(fulfilmentRuns).set({ status: "approved", approvedBy: compliance.id, approvedAt: new Date() }).where(eq(fulfilmentRuns.id, planned.id));
      // The process "dies" right after the first source committed: the run stays "executing".
      await expect(
        executeErasure(db(), { runId: planned.id }, compliance, runDeps, {
          afterSource: () => {
            throw new Error("process killed");
          },
        }),
      ).rejects.toThrow("process killed");
      // Another call while the lease holds is refused (the first might still be running)…
      await expect(executeErasure(db(), { runId: planned.id }, compliance, runDeps)).rejects.toMatchObject({ reason: "run_state" });
      const states = await db().select().from(fulfilmentRunSources).where(eq(fulfilmentRunSources.runId, planned.id));
      expect(Object.fromEntries(states.map((s) => [s.sourceId, s.state]))).toEqual({ app: "done", analytics: "pending" });
      expect((await other.client.read((q) => q("select count(*)::int as n from devices where user_id = 3")))[0]!.n).toBe(2);

      // …and taken over once it has run out.
      const later = { ...runDeps, now: new Date(Date.now() + 6 * 60_000) };
      const resumed = await executeErasure(db(), { runId: planned.id }, compliance, later);
      expect(resumed.status).toBe("done");
      const results = (resumed.summary as { results: { sourceId: string; collections: { table: string; action: string; rows: number }[] }[] }).results;
      for (const sourceId of ["app", "analytics"]) {
        expect(results.find((r) => r.sourceId === sourceId)!.collections.find((c) => c.table === "locations")).toMatchObject({ action: "delete_row", rows: 3 });
      }
      // Only the chosen categories: the account itself stays.
      expect((await other.client.read((q) => q("select full_name from users where id = 3")))[0]!.full_name).toBe("Other Person");
      // Nothing left to resume.
      await expect(executeErasure(db(), { runId: planned.id }, compliance, runDeps)).rejects.toMatchObject({ reason: "run_state" });
    } finally {
      await other.drop();
    }
  }, 90_000);

  it("refuses a package over the size limit on the run, keeping the counts and not the package", async () => {
    const req = await request("access", "aigerim@example.kz", { categories: [], format: "json" }, "en");
    const run = await collectAccessData(db(), { requestId: req.id }, agent, deps({ packageMaxBytes: 1_000 }));
    expect(run).toMatchObject({ status: "failed", error: "package_too_large", packageSealed: null });
    const summary = run.summary as { packageBytes: number; packageMaxBytes: number; counts: unknown[] };
    expect(summary.packageBytes).toBeGreaterThan(1_000);
    expect(summary.packageMaxBytes).toBe(1_000);
    expect(summary.counts.length).toBeGreaterThan(0);
    await expect(deliverAccessPackage(db(), { runId: run.id }, agent, KEY)).rejects.toMatchObject({ code: "conflict" });
    // Under the default limit of 10 MB the same collection goes through.
    expect((await collectAccessData(db(), { requestId: req.id }, agent, deps())).status).toBe("preview");
  });

  it("refuses to approve a dry run made with an older map, and plans it again with the current one", async () => {
    const req = await request("deletion", "other.person@example.kz", { scope: "account", categories: [], acknowledgeConsequences: true }, "en");
    const planned = await planErasureRun(db(), { requestId: req.id }, admin, deps());
    const newer = { ...sampleMap(), version: sampleMap().version + 1 };
    await expect(approveErasure(db(), { runId: planned.id }, compliance, deps({ map: newer }))).rejects.toMatchObject({ code: "conflict", reason: "map_changed" });
    // Planned again by the agent: the agent is now its starter, the compliance officer may approve.
    const again = await planErasureAgain(db(), { runId: planned.id }, agent, deps({ map: newer }));
    expect(again).toMatchObject({ id: planned.id, status: "awaiting_approval", mapVersion: newer.version, startedBy: agent.id });
    const done = await approveErasure(db(), { runId: planned.id }, compliance, deps({ map: newer }));
    expect(done.status).toBe("done");
    await expect(planErasureAgain(db(), { runId: planned.id }, agent, deps({ map: newer }))).rejects.toMatchObject({ reason: "run_state" });
  });
});
