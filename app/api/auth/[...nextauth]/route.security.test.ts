import { afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "./route";

describe("security: next-auth's client logger endpoint", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers 404 to POST /api/auth/_log and writes nothing to the server log", async () => {
    const written: unknown[] = [];
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args) => void written.push(args));
    }
    const forged = "x\n[privacy-desk] INFO admin signed in from 10.0.0.1";
    const request = new Request("http://127.0.0.1:3000/api/auth/_log", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ level: "error", code: forged, metadata: JSON.stringify({ message: forged }) }).toString(),
    });
    const response = await POST(request, { params: Promise.resolve({ nextauth: ["_log"] }) });
    expect(response.status).toBe(404);
    expect(written).toEqual([]);
  });
});
