import type { Db } from "@/db/client";
import { errorMessage, log } from "@/lib/log";
import { readOperationalGauges } from "./operational-gauges";
import { metrics } from "./registry";

/** The whole scrape waits at most this long for the database; Prometheus's own timeout is usually 10 s. */
export const SCRAPE_DATABASE_TIMEOUT_MS = 3_000;

/** The Prometheus text exposition: counters as counted, gauges read from the database now. */
export async function scrapeMetrics(db: Db | Promise<Db>): Promise<{ body: string; contentType: string }> {
  const { registry, gauges } = metrics();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const read = Promise.resolve(db).then((handle) => readOperationalGauges(handle));
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the database did not answer within ${SCRAPE_DATABASE_TIMEOUT_MS} ms`)), SCRAPE_DATABASE_TIMEOUT_MS);
    });
    const values = await Promise.race([read, timedOut]);
    gauges.requests.reset();
    for (const [status, n] of Object.entries(values.requestsByStatus)) gauges.requests.set({ status }, n);
    gauges.overdueRequests.set(values.overdueRequests);
    gauges.outboxEmails.reset();
    gauges.outboxEmails.set({ status: "pending" }, values.outboxPending);
    gauges.outboxEmails.set({ status: "failed" }, values.outboxFailed);
    gauges.outboxEmails.set({ status: "bounced" }, values.outboxBounced);
    gauges.inboundFailed.set(values.inboundFailed);
    gauges.auditPendingRows.set(values.auditPendingRows);
    gauges.auditSealLagSeconds.set(values.auditSealLagSeconds);
    gauges.databaseUp.set(1);
  } catch (error) {
    // Stale numbers would look healthy: drop them, and say the database could not be read.
    for (const gauge of Object.values(gauges)) gauge.reset();
    gauges.databaseUp.set(0);
    log.warn("metrics: the database gauges could not be read", { error: errorMessage(error) });
  } finally {
    clearTimeout(timer);
  }
  return { body: await registry.metrics(), contentType: registry.contentType };
}
