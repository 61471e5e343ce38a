import { expect, request as playwrightRequest, test } from "@playwright/test";
import { searchQueue, signInAs } from "./support/staff";

/**
 * Server actions are checked on the server, not just hidden in the UI: a real action call is
 * captured from an agent's browser (and not let through), then replayed over HTTP by others.
 */
test("a captured server action is refused for anonymous, forged and read-only callers, and works for an agent", async ({ browser, baseURL }) => {
  const agentContext = await browser.newContext({ baseURL });
  const agent = await agentContext.newPage();
  await signInAs(agent, "agent");
  await searchQueue(agent, "ivan@");
  await agent.getByRole("table", { name: "Request queue" }).getByRole("link").first().click();
  await expect(agent).toHaveURL(/\/en\/dashboard\/requests\/[0-9a-f-]{36}$/);
  const pageUrl = agent.url();
  await expect(agent.getByTestId("staff-request-status")).toContainText("New");

  let captured: { headers: Record<string, string>; body: string } | undefined;
  await agent.route("**/en/dashboard/requests/**", async (route) => {
    const headers = route.request().headers();
    if (route.request().method() === "POST" && headers["next-action"]) {
      captured = { headers, body: route.request().postData() ?? "" };
      await route.abort();
    } else await route.continue();
  });
  await agent.getByRole("button", { name: "Start work" }).click();
  await expect.poll(() => captured).toBeDefined();
  await agent.unroute("**/en/dashboard/requests/**");
  const replayHeaders = {
    "next-action": captured!.headers["next-action"]!,
    "content-type": captured!.headers["content-type"] ?? "text/plain;charset=UTF-8",
    accept: "text/x-component",
    ...(captured!.headers["next-router-state-tree"] ? { "next-router-state-tree": captured!.headers["next-router-state-tree"] } : {}),
  };
  const replay = (context: { post: typeof agentContext.request.post }) =>
    context.post(pageUrl, { headers: replayHeaders, data: captured!.body, maxRedirects: 0 });

  // Nobody signed in: the proxy sends them to sign in before any action runs.
  const anonymous = await playwrightRequest.newContext();
  const anonymousAnswer = await replay(anonymous);
  expect(anonymousAnswer.status()).toBe(307);
  expect(anonymousAnswer.headers()["location"]).toContain("/en/staff/sign-in");

  // A made-up session cookie gets past the proxy but not the action's own check.
  const forged = await playwrightRequest.newContext({ extraHTTPHeaders: { cookie: "next-auth.session-token=forged" } });
  const forgedAnswer = await replay(forged);
  expect(await forgedAnswer.text()).toContain('"error":"unauthorized"');

  // Compliance officers read requests but may not change them.
  const complianceContext = await browser.newContext({ baseURL });
  await signInAs(await complianceContext.newPage(), "compliance");
  const complianceAnswer = await replay(complianceContext.request);
  expect(await complianceAnswer.text()).toContain('"error":"forbidden"');

  await agent.reload();
  await expect(agent.getByTestId("staff-request-status")).toContainText("New");

  // The same call from the agent's own session goes through: the replay itself is sound.
  const agentAnswer = await replay(agentContext.request);
  expect(await agentAnswer.text()).toContain('"ok":true');
  await agent.reload();
  await expect(agent.getByTestId("staff-request-status")).toContainText("In progress");

  await Promise.all([anonymous.dispose(), forged.dispose(), complianceContext.close(), agentContext.close()]);
});

/** The queue's bulk assign is checked on the server too: captured from an agent's queue, replayed by others. */
test("a captured bulk assign is refused for anonymous, forged and read-only callers, and works for an agent", async ({ browser, baseURL }) => {
  const agentContext = await browser.newContext({ baseURL });
  const agent = await agentContext.newPage();
  await signInAs(agent, "agent");
  await searchQueue(agent, "daniyar@");
  const table = agent.getByRole("table", { name: "Request queue" });
  const reference = (await table.locator("a[data-queue-open]").first().textContent())!.trim();
  const row = table.locator("[data-queue-row]").filter({ hasText: reference });
  await expect(row).toContainText("Nobody");

  let captured: { headers: Record<string, string>; body: Buffer } | undefined;
  await agent.route("**/en/dashboard**", async (route) => {
    const headers = route.request().headers();
    if (route.request().method() === "POST" && headers["next-action"]) {
      captured = { headers, body: route.request().postDataBuffer() ?? Buffer.alloc(0) };
      await route.abort();
    } else await route.continue();
  });
  await agent.getByRole("checkbox", { name: `Select ${reference}` }).check();
  await agent.getByRole("form", { name: "Selected requests" }).getByRole("button", { name: "Assign to me" }).click();
  await expect.poll(() => captured).toBeDefined();
  await agent.unroute("**/en/dashboard**");
  const replay = (context: { post: typeof agentContext.request.post }) =>
    context.post(`${baseURL}/en/dashboard`, {
      headers: { "next-action": captured!.headers["next-action"]!, "content-type": captured!.headers["content-type"]!, accept: "text/x-component" },
      data: captured!.body,
      maxRedirects: 0,
    });

  const anonymous = await playwrightRequest.newContext();
  const anonymousAnswer = await replay(anonymous);
  expect(anonymousAnswer.status()).toBe(307);
  expect(anonymousAnswer.headers()["location"]).toContain("/en/staff/sign-in");

  const forged = await playwrightRequest.newContext({ extraHTTPHeaders: { cookie: "next-auth.session-token=forged" } });
  expect(await (await replay(forged)).text()).toContain('"error":"unauthorized"');

  const complianceContext = await browser.newContext({ baseURL });
  await signInAs(await complianceContext.newPage(), "compliance");
  expect(await (await replay(complianceContext.request)).text()).toContain('"error":"forbidden"');
  await agent.reload();
  await expect(row).toContainText("Nobody");

  // The agent's own replay goes through, and the row says whose it is now.
  const agentAnswer = await replay(agentContext.request);
  expect(await agentAnswer.text()).toContain('"ok":true');
  await agent.reload();
  await expect(row).toContainText("Demo Agent");

  await Promise.all([anonymous.dispose(), forged.dispose(), complianceContext.close(), agentContext.close()]);
});
