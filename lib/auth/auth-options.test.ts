import { afterEach, describe, expect, it, vi } from "vitest";

/** authOptions() as a server started with this APP_URL would build it (the settings are read once per process). */
async function optionsFor(appUrl: string) {
  vi.resetModules();
  vi.stubEnv("APP_URL", appUrl);
  vi.stubEnv("NEXTAUTH_SECRET", "a-test-secret-of-at-least-32-characters!!");
  const { authOptions } = await import("./auth-options");
  return authOptions();
}

afterEach(() => vi.unstubAllEnvs());

describe("the staff session cookie", () => {
  it("is Secure (and __Secure- prefixed) when the app is served over https", async () => {
    expect((await optionsFor("https://privacy.example.com")).useSecureCookies).toBe(true);
  });

  it("is not marked Secure on a plain-http development address, where browsers would drop it", async () => {
    expect((await optionsFor("http://localhost:3000")).useSecureCookies).toBe(false);
  });
});
