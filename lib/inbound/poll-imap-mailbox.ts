import { eq, sql } from "drizzle-orm";
import { ImapFlow } from "imapflow";
import type { Db } from "@/db/client";
import { mailCheckpoints } from "@/db/schema";
import type { ImapSettings } from "@/lib/env";
import { errorMessage, log } from "@/lib/log";
import { ingestEmail } from "./ingest-email";

/** Messages fetched per FETCH command. */
export const DEFAULT_IMAP_BATCH_SIZE = 20;
/** A batch also stops growing at this many bytes (by the sizes the server reports), so big mail never piles up in memory; one larger message is fetched alone. */
const MAX_BATCH_BYTES = 32 * 1024 * 1024;

export type PollImapOptions = {
  /** Replaceable in tests; the real ingest stores the raw bytes first and throws only when storing fails. */
  ingest?: typeof ingestEmail;
  batchSize?: number;
  /** Stop after this many messages (the rest wait for the next poll), so a first poll of a full mailbox cannot hold up the worker for long. */
  maxMessages?: number;
  now?: () => Date;
};

export type PollImapCounts = {
  /** Message bodies read from the server in this poll. */
  fetched: number;
  /** Stored as new deliveries. */
  ingested: number;
  /** Ingest reported them as already known (the same delivery, or the same Message-ID). */
  duplicates: number;
};

type PendingMessage = { uid: number; size: number };

/** One checkpoint per account and mailbox, so pointing the settings at another mailbox starts afresh. */
export function imapCheckpointKey(settings: ImapSettings): string {
  return `imap:${settings.user}@${settings.host}:${settings.port}/${settings.mailbox}`;
}

/** The ingest key of one delivery: a UID means nothing without the mailbox's UIDVALIDITY. */
export function imapSourceKey(mailbox: string, uidValidity: bigint, uid: number): string {
  return `imap:${mailbox}:${uidValidity}:${uid}`;
}

/**
 * Records that everything up to `lastUid` was ingested. Never moves backwards within one
 * UIDVALIDITY, so an overlapping poll (a second process) finishing late cannot undo progress.
 */
async function saveCheckpoint(db: Db, key: string, uidValidity: bigint, lastUid: number, now: Date): Promise<void> {
  await db
    .insert(mailCheckpoints)
    .values({ key, uidValidity, lastUid, updatedAt: now })
    .onConflictDoUpdate({
      target: mailCheckpoints.key,
      set: { uidValidity, lastUid, updatedAt: now },
      setWhere: sql`${mailCheckpoints.uidValidity} <> excluded.uid_validity or ${mailCheckpoints.lastUid} < excluded.last_uid`,
    });
}

/** The last UID already ingested; 0 when the mailbox is new to us or its UIDVALIDITY changed (UIDs start over). */
async function lastIngestedUid(db: Db, key: string, uidValidity: bigint, now: Date): Promise<number> {
  const [checkpoint] = await db.select().from(mailCheckpoints).where(eq(mailCheckpoints.key, key));
  if (checkpoint && checkpoint.uidValidity === uidValidity) return checkpoint.lastUid;
  if (checkpoint) log.warn("IMAP mailbox UIDVALIDITY changed: reading it from the start (ingest skips known Message-IDs)", { key, was: String(checkpoint.uidValidity), now: String(uidValidity) });
  await saveCheckpoint(db, key, uidValidity, 0, now);
  return 0;
}

/** UIDs (and sizes) above `lastUid`, oldest first. Only UIDs and sizes: cheap even for a large mailbox. */
async function listNewMessages(client: ImapFlow, lastUid: number): Promise<PendingMessage[]> {
  const listed = await client.fetchAll(`${lastUid + 1}:*`, { uid: true, size: true }, { uid: true });
  return (
    listed
      // `N:*` also matches the highest UID when N is above it (RFC 3501), i.e. an old message.
      .filter((message) => message.uid > lastUid)
      .map((message) => ({ uid: message.uid, size: message.size ?? 0 }))
      .sort((a, b) => a.uid - b.uid)
  );
}

function* inBatches(messages: PendingMessage[], batchSize: number): Generator<PendingMessage[]> {
  let batch: PendingMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    if (batch.length > 0 && (batch.length >= batchSize || bytes + message.size > MAX_BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(message);
    bytes += message.size;
  }
  if (batch.length > 0) yield batch;
}

/** IMAP errors say little on their own ("Command failed"): name the mailbox and keep the server's words. */
function imapFailure(settings: ImapSettings) {
  const mailbox = `${settings.user}@${settings.host}:${settings.port}/${settings.mailbox}`;
  return (error: unknown): never => {
    const serverText = (error as { responseText?: unknown }).responseText;
    throw new Error(`IMAP ${mailbox}: ${typeof serverText === "string" && serverText ? serverText : errorMessage(error)}`, { cause: error });
  };
}

async function logOut(client: ImapFlow): Promise<void> {
  try {
    await client.logout();
  } catch {
    client.close();
  }
}

/**
 * Reads new messages from the support mailbox and hands each to ingest, oldest first. The
 * checkpoint advances after each stored message, so a crash mid-poll neither skips nor repeats
 * one. The mailbox is opened read-only (EXAMINE): nothing is deleted, moved or flagged, not even
 * \Seen, so people reading the same mailbox see it as it was. When ingest throws (storing failed),
 * the poll stops before that message and rethrows; the next poll retries it.
 */
export async function pollImapMailbox(db: Db, settings: ImapSettings, options: PollImapOptions = {}): Promise<PollImapCounts> {
  const ingest = options.ingest ?? ingestEmail;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_IMAP_BATCH_SIZE);
  const now = options.now ?? (() => new Date());
  const key = imapCheckpointKey(settings);
  const counts: PollImapCounts = { fetched: 0, ingested: 0, duplicates: 0 };

  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    logger: false,
    // A poll is short-lived: no IDLE between commands, and give up on a dead server well before the next tick piles up.
    disableAutoIdle: true,
    connectionTimeout: 30_000,
    socketTimeout: 120_000,
  });
  // Connection errors also surface as rejected commands; an unhandled "error" event would crash the process.
  client.on("error", (error: unknown) => log.warn(`IMAP connection error (${key}): ${errorMessage(error)}`));

  try {
    // IMAP errors are reworded; errors from ingest or the database pass through as they are.
    const failed = imapFailure(settings);
    await client.connect().catch(failed);
    const mailbox = await client.mailboxOpen(settings.mailbox, { readOnly: true }).catch(failed);
    const uidValidity = mailbox.uidValidity;
    const lastUid = await lastIngestedUid(db, key, uidValidity, now());
    // UIDNEXT says whether anything arrived at all; skip the listing when nothing did.
    if (mailbox.exists === 0 || (mailbox.uidNext > 0 && mailbox.uidNext <= lastUid + 1)) return counts;

    const pending = (await listNewMessages(client, lastUid).catch(failed)).slice(0, options.maxMessages ?? Infinity);
    for (const batch of inBatches(pending, batchSize)) {
      const fetched = client.fetchAll(batch.map((message) => message.uid), { uid: true, source: true }, { uid: true });
      // Only the map keeps the bodies, and each is dropped once ingested.
      const sources = new Map((await fetched.catch(failed)).map((message) => [message.uid, message.source]));
      for (const { uid } of batch) {
        const raw = sources.get(uid);
        // Expunged by someone else since it was listed: nothing left to read.
        if (!raw) continue;
        sources.delete(uid);
        counts.fetched += 1;
        const result = await ingest(db, { raw, sourceKey: imapSourceKey(settings.mailbox, uidValidity, uid) }, now());
        if (result.duplicate) counts.duplicates += 1;
        else counts.ingested += 1;
        await saveCheckpoint(db, key, uidValidity, uid, now());
      }
    }
    return counts;
  } finally {
    await logOut(client);
  }
}
