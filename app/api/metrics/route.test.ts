import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const TOKEN = "m".repeat(20) + "0123456789abcdef";

// The route reads its settings once per module load (lib/env.ts caches): each case loads it afresh.
async function getMetrics(authorization?: string): Promise<Response> {
  vi.resetModules();
  const { GET } = await import("./route");
  return GET(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));
}

describe("GET /api/metrics", () => {
  // The route uses the app's own database: a throw-away PGlite folder, never DATABASE_URL.
  const dataDir = mkdtempSync(path.join(tmpdir(), "pd-metrics-"));
  beforeAll(() => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("DATA_DIR", dataDir);
    vi.stubEnv("WORKER", "off");
  });
  afterAll(async () => {
    const { getConnection } = await import("@/db");
    await getConnection().close();
    vi.unstubAllEnvs();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("does not exist without METRICS_TOKEN", async () => {
    vi.stubEnv("METRICS_TOKEN", "");
    expect((await getMetrics(`Bearer ${TOKEN}`)).status).toBe(404);
  });

  it("refuses a missing or wrong token and serves the exposition for the right one", { timeout: 120_000 }, async () => {
    vi.stubEnv("METRICS_TOKEN", TOKEN);
    const refused = await getMetrics("Bearer wrong-token");
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await getMetrics()).status).toBe(401);
    // A first start migrates the new database for longer than a scrape waits (it would say database_up 0).
    const { ensureAppReady } = await import("@/lib/startup/ensure-app-ready");
    await ensureAppReady();
    const served = await getMetrics(`Bearer ${TOKEN}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await served.text();
    expect(body).toMatch(/^privacy_desk_database_up 1$/m);
    expect(body).toContain("# TYPE privacy_desk_requests gauge");
    expect(body).toMatch(/^privacy_desk_requests\{status="new"\} 0$/m);
  });
});
