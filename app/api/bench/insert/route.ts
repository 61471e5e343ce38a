import { sql } from "drizzle-orm";
import { getEnv } from "@/lib/env";
import { readyDb } from "@/db/ready";
import { runStatement } from "@/db/run-statement";

export const dynamic = "force-dynamic";

/**
 * POST /api/bench/insert — the baseline of `npm run bench:submit`: read the body, one INSERT into
 * `bench_baseline` (a table the benchmark creates in its own throw-away database), answer. It
 * exists only with BENCHMARK_BASELINE=true (404 otherwise): never on a real site. Prepared on
 * PostgreSQL, as the submission's own statement is (db/run-statement.ts), so the two are compared
 * on the same footing.
 */
export async function POST(request: Request) {
  if (!getEnv().BENCHMARK_BASELINE) return new Response("Not Found", { status: 404 });
  const body = await request.text();
  const db = await readyDb();
  await runStatement(db, sql`insert into bench_baseline (payload) values (${body})`);
  return Response.json({ ok: true });
}
