import { afterEach, describe, expect, it, vi } from "vitest";

// lib/env.ts caches the settings per module load: each case loads the route afresh.
async function getConstant(): Promise<Response> {
  vi.resetModules();
  const { GET } = await import("./route");
  return GET();
}

describe("GET /api/bench/constant", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("does not exist without BENCHMARK_BASELINE", async () => {
    vi.stubEnv("BENCHMARK_BASELINE", "false");
    expect((await getConstant()).status).toBe(404);
  });

  it("answers a constant, never cached, with BENCHMARK_BASELINE=true", async () => {
    vi.stubEnv("BENCHMARK_BASELINE", "true");
    const response = await getConstant();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe("ok");
  });
});
