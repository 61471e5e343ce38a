// A closed-loop load generator: `clients` concurrent keep-alive clients, each requesting the next
// path of the mix as soon as its previous answer is complete, for `seconds`.
import { Agent, request } from "node:http";

export type LoadResult = {
  requests: number;
  errors: number;
  seconds: number;
  perPath: Map<string, { latencies: number[]; errors: number; statuses: Map<number, number> }>;
};

export async function runLoad({ base, paths, clients, seconds }: { base: string; paths: string[]; clients: number; seconds: number }): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const { hostname, port } = new URL(base);
  const perPath = new Map(paths.map((path) => [path, { latencies: [] as number[], errors: 0, statuses: new Map<number, number>() }]));
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let requests = 0;
  let errors = 0;

  const once = (path: string) =>
    new Promise<void>((resolve) => {
      const begin = performance.now();
      const stats = perPath.get(path)!;
      const fail = () => {
        errors++;
        stats.errors++;
        resolve();
      };
      const req = request({ agent, hostname, port, path, method: "GET", timeout: 30_000 }, (response) => {
        response.on("data", () => {});
        response.on("end", () => {
          requests++;
          stats.latencies.push(performance.now() - begin);
          stats.statuses.set(response.statusCode ?? 0, (stats.statuses.get(response.statusCode ?? 0) ?? 0) + 1);
          if ((response.statusCode ?? 0) >= 400) {
            errors++;
            stats.errors++;
          }
          resolve();
        });
        response.on("error", fail);
      });
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", fail);
      req.end();
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
