// npm run worker — runs only the job loop (outbox delivery), for deployments that set
// WORKER=off on the web instances and run workers on their own. Any number may run side by side.
import { describeDatabase, getConnection } from "@/db";
import { startWorker, stopWorker } from "@/lib/jobs/worker";
import { log } from "@/lib/log";
import { registerDatabasePreparation } from "@/lib/startup/ensure-app-ready";

function main() {
  log.info(`worker process using ${describeDatabase()}`);
  // Its ticks await readyDb(), which migrates and seeds a new database like the web server does.
  registerDatabasePreparation();
  startWorker({ keepProcessAlive: true });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`worker stopping (${signal})`);
    // Let a batch in progress record its outcomes before the connection closes.
    stopWorker()
      .then(() => getConnection().close())
      .catch((error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exitCode = 2;
      });
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
}
