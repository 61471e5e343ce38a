import { expect, test } from "@playwright/test";
import { DASHBOARD_PAGES, PERMISSIONS } from "../lib/auth/permissions";
import { signInAs, type DemoRole } from "./support/staff";

type Who = "anonymous" | DemoRole;

// Every dashboard page and who may open it, from the one permissions map; everyone else is refused.
const PAGES: { path: (requestId: string) => string; allowed: readonly DemoRole[] }[] = DASHBOARD_PAGES.map((page) => ({
  path: (requestId) => `/en${page.path.replace("[id]", requestId)}`,
  allowed: PERMISSIONS[page.permission],
}));

let requestId = "";

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signInAs(page, "admin");
  const href = await page.getByRole("table", { name: "Request queue" }).getByRole("link").first().getAttribute("href");
  requestId = /\/dashboard\/requests\/([0-9a-f-]{36})$/.exec(href ?? "")?.[1] ?? "";
  expect(requestId).not.toBe("");
  await page.close();
});

for (const who of ["anonymous", "agent", "compliance", "admin"] as Who[]) {
  test(`dashboard pages for ${who}`, async ({ page }) => {
    if (who !== "anonymous") await signInAs(page, who);
    for (const entry of PAGES) {
      const path = entry.path(requestId);
      const response = await page.goto(path);
      if (who === "anonymous") {
        await expect(page, path).toHaveURL(/\/en\/staff\/sign-in\?callbackUrl=/);
        continue;
      }
      if (entry.allowed.includes(who)) {
        expect(response?.status(), path).toBe(200);
        await expect(page.getByRole("heading", { level: 1 }), path).not.toHaveText("Access denied");
        // The queue offers bulk assign only to those who may assign (the action refuses the others too: action-authorization.spec.ts).
        if (path === "/en/dashboard") await expect(page.getByRole("form", { name: "Selected requests" }), path).toHaveCount((PERMISSIONS["requests.work"] as readonly string[]).includes(who) ? 1 : 0);
      } else {
        expect(response?.status(), path).toBe(403);
        await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("Access denied");
        // The refusal carries no data of the page.
        await expect(page.getByRole("table")).toHaveCount(0);
      }
    }
  });
}

test("route handlers refuse without a valid session and leak nothing", async ({ request }) => {
  const random = await request.get(`/api/r/${"A".repeat(43)}/files/00000000-0000-4000-8000-000000000000`);
  expect(random.status()).toBe(404);
  expect(await random.text()).toBe("Not found");
});
