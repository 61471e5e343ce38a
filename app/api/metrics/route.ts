import { getEnv } from "@/lib/env";
import { hasMetricsToken } from "@/lib/metrics/metrics-token";
import { scrapeMetrics } from "@/lib/metrics/scrape-metrics";
import { readyDb } from "@/db/ready";

export const dynamic = "force-dynamic";

/**
 * GET /api/metrics — Prometheus text format, for a scraper holding METRICS_TOKEN as a bearer
 * token. Without the setting the endpoint does not exist (404).
 */
export async function GET(request: Request) {
  const token = getEnv().METRICS_TOKEN;
  if (!token) return new Response("Not Found", { status: 404 });
  if (!hasMetricsToken(request.headers.get("authorization"), token)) {
    return new Response("Unauthorized", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"', "Cache-Control": "no-store" } });
  }
  const { body, contentType } = await scrapeMetrics(readyDb());
  return new Response(body, { status: 200, headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
