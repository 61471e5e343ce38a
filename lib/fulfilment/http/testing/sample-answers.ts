import type { EndpointBehaviour, ReceivedCall } from "./signed-endpoint";

/**
 * A sample auth service's answers (the sample endpoint, the e2e tests): one account for whoever
 * is asked about, a session count erased, the account secured. Paths: /access, /erase, /secure.
 */
export function sampleAnswer(call: ReceivedCall): EndpointBehaviour {
  const subject = call.body.subject as { emails?: string[] } | undefined;
  const email = subject?.emails?.[0] ?? "";
  if (call.path === "/access") return { status: 200, body: { collections: [{ table: "accounts", rows: email ? [{ login: email.split("@")[0], last_login_ip: "10.0.0.7" }] : [] }] } };
  if (call.path === "/erase") return { status: 200, body: { counts: { accounts: email ? 1 : 0, sessions: email ? 2 : 0 } } };
  if (call.path === "/secure") return { status: 200, body: { actions: ["sessions_revoked", "password_reset"] } };
  return { status: 404 };
}
