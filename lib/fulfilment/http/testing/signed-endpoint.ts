import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
// Relative imports here and in send-signed-call.ts: the e2e tests (Playwright, no path aliases) load this file too.
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from "../../../security/webhook-signature";
import { IDEMPOTENCY_HEADER, PURPOSE_HEADER } from "../send-signed-call";

/** One call as the endpoint received it: whether its signature checked out, and what it said. */
export type ReceivedCall = { path: string; purpose: string | undefined; idempotencyKey: string | undefined; signature: "ok" | "missing" | "stale" | "mismatch"; body: Record<string, unknown> };

/** What the endpoint does with the next call to a path: answer, fail with a status, or stay silent longer than any time-out. */
export type EndpointBehaviour = { status: number; body?: unknown } | { hang: true };

export type SignedEndpoint = {
  url: string;
  received: ReceivedCall[];
  /** Queue behaviours for a path (first in, first used); when none is queued, `answer` decides. */
  queue: (path: string, ...behaviours: EndpointBehaviour[]) => void;
  close: () => Promise<void>;
};

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/**
 * A real HTTP server on 127.0.0.1 playing the operator's endpoint (tests, e2e, and `npm run
 * fulfilment:sample-endpoint`): it checks each call's signature with the shared key exactly as
 * an operator should (lib/security/webhook-signature.ts), refuses a bad one with 401, and answers
 * with what `answer` returns — or with what was queued for the path.
 */
export async function startSignedEndpoint(signingKey: string, answer: (call: ReceivedCall) => EndpointBehaviour, port = 0): Promise<SignedEndpoint> {
  const received: ReceivedCall[] = [];
  const queued = new Map<string, EndpointBehaviour[]>();
  const hanging = new Set<() => void>();
  const server: Server = createServer(async (request, response) => {
    const bytes = await readBody(request);
    const check = verifyWebhookSignature(signingKey, bytes, {
      signature: request.headers[SIGNATURE_HEADER] as string | undefined ?? null,
      timestamp: request.headers[TIMESTAMP_HEADER] as string | undefined ?? null,
    });
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(bytes.toString("utf8")) as Record<string, unknown>;
    } catch {
      // left empty: the test sees it
    }
    const call: ReceivedCall = {
      path: request.url ?? "/",
      purpose: request.headers[PURPOSE_HEADER] as string | undefined,
      idempotencyKey: request.headers[IDEMPOTENCY_HEADER] as string | undefined,
      signature: check.ok ? "ok" : check.reason,
      body,
    };
    received.push(call);
    if (!check.ok) {
      response.writeHead(401).end();
      return;
    }
    const behaviour = queued.get(call.path)?.shift() ?? answer(call);
    if ("hang" in behaviour) {
      // Never answers; released when the server closes.
      hanging.add(() => response.destroy());
      return;
    }
    response.writeHead(behaviour.status, { "content-type": "application/json" }).end(behaviour.body === undefined ? "" : JSON.stringify(behaviour.body));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    received,
    queue: (path, ...behaviours) => queued.set(path, [...(queued.get(path) ?? []), ...behaviours]),
    close: async () => {
      for (const release of hanging) release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
