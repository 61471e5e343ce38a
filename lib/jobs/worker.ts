import { sealAuditLog } from "@/lib/audit/seal-audit-log";
import { deliverDueEmails, DEFAULT_BATCH_SIZE } from "@/lib/email/deliver-due-emails";
import { deliverDueHttpCalls } from "@/lib/fulfilment/http/deliver-due-http-calls";
import { HTTP_CALL_BATCH_SIZE } from "@/lib/fulfilment/http/http-call-queue";
import { appRunDeps } from "@/lib/fulfilment/runs/app-run-deps";
import { describeTransport, selectTransport, type MailTransport } from "@/lib/email/transports";
import { devMailboxEnabled, getEnv, imapSettings } from "@/lib/env";
import { processStalledInboundEmails } from "@/lib/inbound/ingest-email";
import { pollImapMailbox } from "@/lib/inbound/poll-imap-mailbox";
import { anonymiseExpiredRequests } from "@/lib/retention/anonymise-expired-requests";
import { errorMessage, log } from "@/lib/log";
import { expireUnverifiedRequests } from "@/lib/requests/expire-unverified";
import { sendDeadlineReminders } from "@/lib/requests/send-deadline-reminders";
import { compactStatusCounts } from "@/lib/requests/status-counts";
import { pruneRateLimits } from "@/lib/security/rate-limit";
import { diskStorageRoot } from "@/lib/files/storage";
import { STAGED_FILE_GRACE_MS, sweepStagedFiles } from "@/lib/files/sweep-staged-files";
import { readyDb } from "@/db/ready";

type WorkerState = {
  transport: MailTransport;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The tick in progress, so stopWorker can wait for it. */
  running: Promise<void> | undefined;
  stopped: boolean;
  keepProcessAlive: boolean;
  /** The last error logged, so a database that stays down is logged once, not every tick. */
  lastError: string | undefined;
  /** When the slow housekeeping jobs last ran (epoch ms). */
  lastHousekeeping: number;
  /** When the support mailbox was last polled over IMAP (epoch ms). */
  lastImapPoll: number;
  lastImapError: string | undefined;
};

// Expiring unverified requests, pruning rate-limit windows and daily reminders need not run every tick.
const HOUSEKEEPING_EVERY_MS = 60_000;
const RATE_LIMIT_RETENTION_MS = 24 * 60 * 60_000;
// The first sweep an hour after the process starts: a test or e2e server (a fresh database beside a
// DATA_DIR that may hold other databases' files) never lives that long.
let lastStagedFileSweep = Date.now();
// Often enough that an answer shows within seconds, rarely enough not to hammer the mail server.
const IMAP_POLL_EVERY_MS = 15_000;

async function pollSupportMailbox(state: WorkerState, db: Db, now = Date.now()): Promise<void> {
  const settings = imapSettings();
  if (!settings || now - state.lastImapPoll < IMAP_POLL_EVERY_MS) return;
  state.lastImapPoll = now;
  try {
    const counts = await pollImapMailbox(db, settings, { maxMessages: 200 });
    if (counts.fetched > 0) log.info("support mailbox polled", counts);
    state.lastImapError = undefined;
  } catch (error) {
    // A mailbox that is down must not stop delivery and housekeeping; log it once, not every poll.
    const message = errorMessage(error);
    if (message !== state.lastImapError) log.error(`polling the support mailbox failed (retrying every ${IMAP_POLL_EVERY_MS / 1000} s): ${message}`);
    state.lastImapError = message;
  }
}

type Db = Awaited<ReturnType<typeof readyDb>>;

/**
 * The slow jobs, each on its own: its own error, its own log line, and the next job still runs.
 * One bad message or request must never stop retention (anonymiseExpiredRequests) or the others.
 */
export const HOUSEKEEPING_JOBS: readonly { name: string; run: (db: Db, now: Date) => Promise<void> }[] = [
  {
    name: "expire unverified requests",
    run: async (db, now) => {
      const expired = await expireUnverifiedRequests(db, now);
      if (expired > 0) log.info("expired unverified requests", { expired });
    },
  },
  { name: "prune rate limits", run: (db, now) => pruneRateLimits(db, new Date(now.getTime() - RATE_LIMIT_RETENTION_MS)) },
  { name: "compact status counts", run: (db) => compactStatusCounts(db) },
  {
    name: "sweep staged files",
    run: async (db, now) => {
      // Hourly: it lists the whole disk storage.
      if (now.getTime() - lastStagedFileSweep < STAGED_FILE_GRACE_MS) return;
      lastStagedFileSweep = now.getTime();
      const removed = await sweepStagedFiles(db, diskStorageRoot(), now);
      if (removed > 0) log.warn("removed files left on disk by a write that never committed", { removed });
    },
  },
  {
    name: "deadline reminders",
    run: async (db, now) => {
      const reminders = await sendDeadlineReminders(db, now);
      if (reminders > 0) log.info("deadline reminders queued", { reminders });
    },
  },
  {
    name: "stalled and failed inbound e-mails",
    run: async (db, now) => {
      const tried = await processStalledInboundEmails(db, now);
      if (tried > 0) log.info("stalled or failed inbound e-mails processed again", { tried });
    },
  },
  {
    name: "retention",
    run: async (db, now) => {
      const anonymised = await anonymiseExpiredRequests(db, now);
      if (anonymised > 0) log.info("requests anonymised after the retention period", { anonymised });
    },
  },
];

/** Runs every housekeeping job whatever the others do; returns the names of those that failed. */
export async function runHousekeepingJobs(db: Db, now: Date, jobs = HOUSEKEEPING_JOBS): Promise<string[]> {
  const failed: string[] = [];
  for (const job of jobs) {
    try {
      await job.run(db, now);
    } catch (error) {
      failed.push(job.name);
      log.error(`housekeeping job failed: ${job.name}`, { job: job.name, error: errorMessage(error).slice(0, 500) });
    }
  }
  return failed;
}

async function housekeeping(state: WorkerState, db: Db, now = Date.now()): Promise<void> {
  if (now - state.lastHousekeeping < HOUSEKEEPING_EVERY_MS) return;
  state.lastHousekeeping = now;
  await runHousekeepingJobs(db, new Date(now));
}

// One loop per process, kept on globalThis: Next.js may load this module in several bundles and
// dev reloads modules, which would otherwise start a second loop.
const holder = globalThis as unknown as { __privacyDeskWorker?: WorkerState };

// A full batch means more may be waiting: keep going, but yield to the next tick after a while.
const MAX_BATCHES_PER_TICK = 10;

function reportTickError(state: WorkerState, error: unknown): void {
  const message = errorMessage(error);
  if (message !== state.lastError) log.error(`worker tick failed (retrying every ${getEnv().WORKER_INTERVAL_MS} ms): ${message}`);
  state.lastError = message;
}

async function deliverOutbox(state: WorkerState, db: Db): Promise<void> {
  for (let batch = 0; batch < MAX_BATCHES_PER_TICK && !state.stopped; batch++) {
    const counts = await deliverDueEmails(db, state.transport);
    if (counts.claimed > 0) log.debug("outbox delivery", counts);
    if (counts.claimed < DEFAULT_BATCH_SIZE) break;
  }
}

/** The operator's HTTP endpoints (lib/fulfilment/http): securing an account first, every tick. */
async function deliverHttpCalls(state: WorkerState, db: Db): Promise<void> {
  for (let batch = 0; batch < MAX_BATCHES_PER_TICK && !state.stopped; batch++) {
    const counts = await deliverDueHttpCalls(db, () => appRunDeps(db));
    if (counts.claimed > 0) log.debug("fulfilment HTTP calls", counts);
    if (counts.claimed < HTTP_CALL_BATCH_SIZE) break;
  }
}

async function tick(state: WorkerState): Promise<void> {
  let db: Db;
  try {
    db = await readyDb();
  } catch (error) {
    reportTickError(state, error);
    return;
  }
  let failed = false;
  try {
    await deliverHttpCalls(state, db);
  } catch (error) {
    // An endpoint or map in trouble must not hold up e-mail delivery.
    failed = true;
    reportTickError(state, error);
  }
  try {
    await deliverOutbox(state, db);
  } catch (error) {
    // Delivery trouble must not hold up the mailbox or housekeeping (retention among them).
    failed = true;
    reportTickError(state, error);
  }
  try {
    // Links the audit rows committed since the last tick into the hash chain (another process
    // sealing right now makes this a no-op), and signs a checkpoint when one is due.
    const seal = await sealAuditLog(db);
    if (seal.sealed > 0) log.debug("audit rows sealed", { sealed: seal.sealed, headSeq: seal.headSeq });
  } catch (error) {
    failed = true;
    reportTickError(state, error);
  }
  await pollSupportMailbox(state, db);
  await housekeeping(state, db);
  if (!failed) {
    if (state.lastError) log.info("worker recovered");
    state.lastError = undefined;
  }
}

function schedule(state: WorkerState): void {
  if (state.stopped) return;
  // setTimeout after each tick, not setInterval: a slow tick never overlaps the next one.
  state.timer = setTimeout(() => {
    state.running = tick(state).finally(() => {
      state.running = undefined;
      schedule(state);
    });
  }, getEnv().WORKER_INTERVAL_MS);
  // Inside the web server the server keeps the process alive; an idle timer must not do so on
  // its own (e.g. in a build or test process). `npm run worker` asks for the opposite.
  if (!state.keepProcessAlive) state.timer.unref();
}

/**
 * Starts the job loop (outbox delivery) once per process. Errors are logged and the loop goes on,
 * so a database that is down at start-up is simply retried on the next tick.
 */
export function startWorker({ keepProcessAlive = false }: { keepProcessAlive?: boolean } = {}): void {
  if (holder.__privacyDeskWorker) return;
  const state: WorkerState = {
    transport: selectTransport(),
    timer: undefined,
    running: undefined,
    stopped: false,
    keepProcessAlive,
    lastError: undefined,
    lastHousekeeping: 0,
    lastImapPoll: 0,
    lastImapError: undefined,
  };
  holder.__privacyDeskWorker = state;
  log.info(`worker started: ${describeTransport()}, every ${getEnv().WORKER_INTERVAL_MS} ms`);
  if (!getEnv().SMTP_URL && !devMailboxEnabled()) {
    log.warn("no SMTP_URL and DEV_MAILBOX is off: emails are marked sent but only kept in outbox_emails");
  }
  state.running = tick(state).finally(() => {
    state.running = undefined;
    schedule(state);
  });
}

/** Stops the loop and waits for a tick in progress (tests, shutdown). */
export async function stopWorker(): Promise<void> {
  const state = holder.__privacyDeskWorker;
  if (!state) return;
  state.stopped = true;
  clearTimeout(state.timer);
  await state.running;
  state.transport.close?.();
  holder.__privacyDeskWorker = undefined;
}
