import { expect, test } from "@playwright/test";
import { startServer, stop } from "./support/own-server";

test("a malformed setting stops start-up with a message naming it", async () => {
  const server = startServer(3201, { DEFAULT_LOCALE: "de", OPERATOR_SUPPORT_EMAIL: "not-an-address" });
  try {
    const code = await Promise.race([server.exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 20_000))]);
    expect(code).not.toBe("timeout");
    expect(code).not.toBe(0);
    expect(server.output()).toContain("DEFAULT_LOCALE: expected one of ru, kk, en");
    expect(server.output()).toContain("OPERATOR_SUPPORT_EMAIL: expected an e-mail address");
  } finally {
    await stop(server);
  }
});

test("an unreachable database gives 503 from health and a readable log line, not a crash", async ({ request }) => {
  // Port 1 on loopback: nothing listens there, so every connection is refused at once.
  const server = startServer(3202, { DATABASE_URL: "postgres://postgres@127.0.0.1:1/privacy_desk" });
  try {
    await expect.poll(() => server.output(), { timeout: 20_000 }).toContain("database unreachable");
    const response = await request.get("http://127.0.0.1:3202/api/health");
    expect(response.status()).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", database: "down" });
    expect(server.output()).toMatch(/database unreachable \(PostgreSQL at 127\.0\.0\.1:1\/privacy_desk\): .*ECONNREFUSED/);
    // Still serving: a second probe gets the same answer from the same process.
    expect((await request.get("http://127.0.0.1:3202/api/health")).status()).toBe(503);
    expect(server.child.exitCode).toBeNull();
  } finally {
    await stop(server);
  }
});
