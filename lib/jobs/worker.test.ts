import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getConnection } from "@/db";
import { outboxEmails } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { readyDb } from "@/db/ready";
import { registerDatabasePreparation } from "@/lib/startup/ensure-app-ready";
import { startWorker, stopWorker } from "./worker";

// The worker uses the app's own database: here a throw-away PGlite folder, never DATABASE_URL.
const dataDir = mkdtempSync(path.join(tmpdir(), "pd-worker-"));

describe("startWorker", () => {
  beforeAll(() => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("DATA_DIR", dataDir);
    vi.stubEnv("WORKER_INTERVAL_MS", "100");
    // As the worker's own process does (scripts/worker.ts).
    registerDatabasePreparation();
  });
  afterAll(async () => {
    await stopWorker();
    await getConnection().close();
    vi.unstubAllEnvs();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("delivers queued mail in the background, once per process, and stops", { timeout: 90_000 }, async () => {
    const db = await readyDb();
    const queued = await db.transaction((tx) =>
      enqueueEmail(tx, {
        template: "withdrawal_confirmation",
        locale: "ru",
        to: "worker@example.com",
        variables: { name: "Анна", reference: "DSR-2026-000009" },
      }),
    );
    startWorker();
    startWorker(); // a second call is a no-op, not a second loop
    await vi.waitFor(
      async () => {
        const [row] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, queued.id));
        expect(row).toMatchObject({ status: "sent", transport: "dev-mailbox", attempts: 1 });
      },
      { timeout: 10_000, interval: 100 },
    );
    await stopWorker();
    await stopWorker();
  });
});
