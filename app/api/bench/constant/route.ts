import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * GET /api/bench/constant — the ceiling `npm run bench:pages` measures beside the public mix: the
 * least a Next route handler can do (a constant string, no database), so what Next itself costs per
 * answer on this machine. It exists only with BENCHMARK_BASELINE=true (404 otherwise): never on a
 * real site.
 */
export function GET() {
  if (!getEnv().BENCHMARK_BASELINE) return new Response("Not Found", { status: 404 });
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
