import { describe, expect, it } from "vitest";
import { ensureDatabaseReady } from "./ready";

describe("ensureDatabaseReady", () => {
  it("refuses, before opening anything, in a process whose start-up did not say how to prepare the database", async () => {
    await expect(ensureDatabaseReady()).rejects.toThrow(/preparation is not registered/);
    // Not remembered: a process that registers later gets a real attempt.
    await expect(ensureDatabaseReady()).rejects.toThrow(/preparation is not registered/);
  });
});
