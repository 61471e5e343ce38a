import { expect, type Page } from "@playwright/test";
import { sampleAnswer } from "../../lib/fulfilment/http/testing/sample-answers";
import { startSignedEndpoint, type SignedEndpoint } from "../../lib/fulfilment/http/testing/signed-endpoint";

/** Where the e2e data map (written by start-server.mjs) sends the "auth" endpoint's calls. */
export const E2E_ENDPOINT_PORT = 3199;
export const E2E_SIGNING_KEY = "e2e-auth-endpoint-signing-key-0123456789";

const refuseOnce = new Set<string>();

/** The endpoint refuses (403) the next call about this address: other calls (the demo's own misuse report) are not affected. */
export function refuseNextCallAbout(email: string): void {
  refuseOnce.add(email);
}

/** The operator's endpoint, a real HTTP server on 127.0.0.1 that checks every signature. */
export function startE2eEndpoint(): Promise<SignedEndpoint> {
  return startSignedEndpoint(
    E2E_SIGNING_KEY,
    (call) => {
      const email = (call.body.subject as { emails?: string[] } | undefined)?.emails?.[0] ?? "";
      return refuseOnce.delete(email) ? { status: 403 } : sampleAnswer(call);
    },
    E2E_ENDPOINT_PORT,
  );
}

/** An admin stores the endpoint's signing key on the Data map page (sealed; the page never shows it back). */
export async function storeSigningKey(page: Page): Promise<void> {
  await page.goto("/en/dashboard/data-map");
  const card = page.getByRole("region", { name: "Auth service (auth) — HTTP endpoint" });
  // Typed before the page is interactive, the value can be lost to hydration: type again until saved.
  await expect(async () => {
    await card.getByLabel("New signing key").fill(E2E_SIGNING_KEY);
    await card.getByRole("button", { name: "Save the signing key" }).click();
    await expect(card.getByRole("status")).toHaveText("Signing key saved.", { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await page.reload();
  await expect(page.getByRole("region", { name: "Auth service (auth) — HTTP endpoint" })).toContainText("Signing key: stored");
}

/** The worker sends calls every couple of seconds; the request page shows the outcome on the next load. */
export async function reloadUntil(page: Page, check: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] });
}
