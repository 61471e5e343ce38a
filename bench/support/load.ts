// A closed-loop load generator: `clients` concurrent keep-alive clients, each requesting the next
// path of the mix as soon as its previous answer is complete, for `seconds`.
import { Agent, request } from "node:http";

export type LoadResult = {
  requests: number;
  errors: number;
  seconds: number;
  perPath: Map<string, { latencies: number[]; errors: number; statuses: Map<number, number> }>;
};

/** A request other than a plain GET: its method, headers and body (the n-th request of the run). */
export type LoadRequest = { method: string; headers: Record<string, string>; body: Buffer };

export async function runLoad({
  base,
  paths,
  clients,
  seconds,
  build,
  accept = (status) => status < 400,
}: {
  base: string;
  paths: string[];
  clients: number;
  seconds: number;
  build?: (path: string, n: number) => LoadRequest;
  /** Whether an answer counts as a success (default: status below 400); the body is read only when given a second parameter. */
  accept?: (status: number, body: string) => boolean;
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const { hostname, port } = new URL(base);
  const perPath = new Map(paths.map((path) => [path, { latencies: [] as number[], errors: 0, statuses: new Map<number, number>() }]));
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let requests = 0;
  let errors = 0;

  let sent = 0;
  const readBody = accept.length > 1;
  const once = (path: string) =>
    new Promise<void>((resolve) => {
      const custom = build?.(path, sent++);
      const begin = performance.now();
      const stats = perPath.get(path)!;
      const fail = () => {
        errors++;
        stats.errors++;
        resolve();
      };
      const headers = custom ? { ...custom.headers, "Content-Length": String(custom.body.length) } : undefined;
      const req = request({ agent, hostname, port, path, method: custom?.method ?? "GET", headers, timeout: 30_000 }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => {
          if (readBody) chunks.push(chunk);
        });
        response.on("end", () => {
          requests++;
          stats.latencies.push(performance.now() - begin);
          stats.statuses.set(response.statusCode ?? 0, (stats.statuses.get(response.statusCode ?? 0) ?? 0) + 1);
          if (!accept(response.statusCode ?? 0, readBody ? Buffer.concat(chunks).toString("utf8") : "")) {
            errors++;
            stats.errors++;
          }
          resolve();
        });
        response.on("error", fail);
      });
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", fail);
      req.end(custom?.body);
    });

  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = client; performance.now() < deadline; i++) await once(paths[i % paths.length]!);
    }),
  );
  agent.destroy();
  return { requests, errors, seconds: (performance.now() - started) / 1000, perPath };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
