import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { accessRequestForm } from "@/lib/requests/testing";

// runPublicAction reads the caller's headers through Next (the client address for the rate limits).
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7" }) }));

const ORIGIN = "http://desk.test";

/** A multipart post as a browser sends it: encoded, with its length. */
async function post(fields: [string, string][], headers: Record<string, string> = { origin: ORIGIN, host: "desk.test" }): Promise<Request> {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  const encoded = new Response(form);
  const body = await encoded.arrayBuffer();
  const type = encoded.headers.get("content-type")!;
  return new Request(`${ORIGIN}/api/requests`, { method: "POST", body, headers: { ...headers, "content-type": type, "content-length": String(body.byteLength) } });
}

/** What the form's script sends (onValid in request-form.tsx). */
const formPost = (answers: unknown, locale = "kk") => [
  ["locale", locale],
  ["payload", JSON.stringify(answers)],
  ["website", ""],
] as [string, string][];

// The app's own database: a new PostgreSQL database beside DATABASE_URL's when that is set (never
// DATABASE_URL's own, which CI's e2e servers would find not empty), else a throw-away PGlite folder.
describe(`POST /api/requests on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "pd-submit-route-"));
  let scratch: { url: string; drop: () => Promise<void> } | undefined;
  beforeAll(async () => {
    if (process.env.DATABASE_URL) {
      const { createScratchPostgresDatabase } = await import("@/db/testing");
      scratch = await createScratchPostgresDatabase();
      vi.stubEnv("DATABASE_URL", scratch.url);
    }
    vi.stubEnv("DATA_DIR", dataDir);
    vi.stubEnv("WORKER", "off");
    const { ensureAppReady } = await import("@/lib/startup/ensure-app-ready");
    await ensureAppReady();
  }, 120_000);
  afterAll(async () => {
    const { getConnection } = await import("@/db");
    await getConnection().close();
    await scratch?.drop();
    vi.unstubAllEnvs();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function filedFor(email: string) {
    const [{ getDb }, { requests }] = await Promise.all([import("@/db"), import("@/db/schema")]);
    return getDb().select({ id: requests.id, status: requests.status, locale: requests.locale }).from(requests).where(eq(requests.requesterEmail, email));
  }

  it("files the request and answers where to go next, with the address masked", { timeout: 60_000 }, async () => {
    const { POST } = await import("./route");
    const email = `route-${Date.now()}@example.kz`;
    const response = await POST(await post(formPost(accessRequestForm(email))));
    expect(response.status).toBe(200);
    const state = await response.json();
    expect(state).toEqual({ ok: true, next: expect.stringMatching(/^\/kk\/requests\/[0-9a-f-]{36}\/verify$/), sentTo: "r***@example.kz" });
    const filed = await filedFor(email);
    expect(filed).toEqual([{ id: state.next.split("/")[3], status: "unverified", locale: "kk" }]);
  });

  it("refuses a post from another site or without Origin, and files nothing", async () => {
    const { POST } = await import("./route");
    const email = `forged-${Date.now()}@example.kz`;
    const forged: Record<string, string>[] = [{ origin: "https://evil.example", host: "desk.test" }, { host: "desk.test" }];
    for (const headers of forged) {
      const response = await POST(await post(formPost(accessRequestForm(email)), headers));
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ ok: false, error: "unexpected" });
    }
    expect(await filedFor(email)).toEqual([]);
  });

  it("answers 422 with each field's problem for answers the schema refuses", async () => {
    const { POST } = await import("./route");
    const response = await POST(await post(formPost({ ...accessRequestForm("not-an-address"), consent: false })));
    expect(response.status).toBe(422);
    const state = await response.json();
    expect(state).toMatchObject({ ok: false, error: "invalid", fileProblems: [] });
    expect(Object.keys(state.fieldErrors)).toEqual(expect.arrayContaining(["email", "consent"]));
  });

  it("answers 400 to a body that is not the multipart it claims, and 411 without a length", async () => {
    const { POST } = await import("./route");
    const garbled = new Request(`${ORIGIN}/api/requests`, { method: "POST", body: "--x\r\nbroken", headers: { origin: ORIGIN, host: "desk.test", "content-type": "multipart/form-data; boundary=x", "content-length": "11" } });
    expect((await POST(garbled)).status).toBe(400);
    const unsized = new Request(`${ORIGIN}/api/requests`, { method: "POST", body: "x", headers: { origin: ORIGIN, host: "desk.test", "content-type": "multipart/form-data; boundary=x" } });
    expect((await POST(unsized)).status).toBe(411);
  });
});
