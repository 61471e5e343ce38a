import { describeDatabase, getDb } from "@/db";
import { demoDataEnabled, EnvError, getEnv } from "@/lib/env";
import { startWorker } from "@/lib/jobs/worker";
import { probeDatabase } from "@/lib/health/check-health";
import { registerDatabaseProbe } from "@/lib/health/database-availability";
import { errorMessage, log } from "@/lib/log";
import { installPeerAddressRecorder } from "@/lib/security/record-peer-address";
import { ensureAppReady } from "./ensure-app-ready";
import { seedDemoData } from "./seed-demo-data";
import { seedSampleApp } from "@/lib/fulfilment/demo/seed-sample-app";
import { loadDataMap } from "@/lib/fulfilment/map/load-data-map";
import { checkFulfilmentSetup } from "@/lib/fulfilment/sources/check-fulfilment-setup";
import { MissingFulfilmentKeyError } from "@/lib/fulfilment/secrets/fulfilment-key";

// A page waits at most this long to learn that the database is down (proxy.ts).
const PROBE_TIMEOUT_MS = 2_000;

/**
 * Runs once when the server starts (instrumentation.ts): a bad setting stops the process with a
 * message that names it; an unreachable database is logged and retried on the next request, so
 * /api/health can answer 503 instead of the process crash-looping.
 */
export async function startApp(): Promise<void> {
  try {
    getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`[privacy-desk] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  installPeerAddressRecorder();
  // PostgreSQL can be down while the app runs; PGlite lives in this process.
  registerDatabaseProbe(
    getEnv().DATABASE_URL
      ? () =>
          probeDatabase(PROBE_TIMEOUT_MS).then(
            () => true,
            () => false,
          )
      : undefined,
  );
  const started = Date.now();
  let ready = false;
  try {
    await ensureAppReady();
    ready = true;
    log.info(`database ready: ${describeDatabase()}`, { ms: Date.now() - started });
  } catch (error) {
    log.error(
      `database unreachable (${describeDatabase()}): ${errorMessage(error)} — /api/health answers 503 until it is back; retrying on the next request`,
    );
  }
  if (ready) {
    try {
      await checkFulfilmentSetup(getDb());
    } catch (error) {
      if (!(error instanceof MissingFulfilmentKeyError)) throw error;
      console.error(`[privacy-desk] ${error.message}`);
      process.exit(1);
    }
  }
  if (ready && demoDataEnabled()) {
    try {
      await seedDemoData(getDb());
      await seedSampleApp(getDb());
    } catch (error) {
      log.error(`demo data not created: ${errorMessage(error)}`);
    }
  }
  // A broken data map does not stop the app (requests still work by hand); it is said at once.
  await loadDataMap().catch((error: unknown) => log.error(errorMessage(error)));
  // Started either way: while the database is down, each tick fails, is logged once, and retries.
  if (getEnv().WORKER === "in-process") startWorker();
}
