import { createHash, randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inboundEmails, mailCheckpoints } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import type { ImapSettings } from "@/lib/env";
import type { ingestEmail } from "./ingest-email";
import { imapCheckpointKey, pollImapMailbox } from "./poll-imap-mailbox";
import { startDovecot, type DovecotServer } from "./testing/dovecot";

type Ingest = typeof ingestEmail;
type Ingested = { sourceKey: string; raw: Buffer };

/** A stand-in for ingestEmail that records what it was given and can be told to fail (as when the database is down). */
function recordingIngest(options: { failOnSourceKey?: string } = {}) {
  const calls: Ingested[] = [];
  const ingest: Ingest = async (_db, input) => {
    calls.push({ sourceKey: input.sourceKey, raw: Buffer.from(input.raw) });
    if (input.sourceKey === options.failOnSourceKey) {
      options.failOnSourceKey = undefined;
      throw new Error("storing failed: database is down");
    }
    return { id: randomUUID(), status: "unmatched", duplicate: false };
  };
  return { ingest, calls, uids: () => calls.map((call) => Number(call.sourceKey.split(":").at(-1))) };
}

function message(tag: string, n: number, body = `Body ${n}\r\n`): string {
  return [
    "From: Anna <anna@example.com>",
    "To: support@example.com",
    `Subject: Question ${n}`,
    `Message-ID: <${tag}-${n}@example.com>`,
    "Date: Mon, 02 Nov 2026 10:00:00 +0000",
    "Content-Type: text/plain; charset=utf-8",
    "",
    body,
  ].join("\r\n");
}

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

let dovecot: DovecotServer;
let mailboxCount = 0;

beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => {
  await dovecot?.stop();
});

/** UIDs and flags as another mail client sees them. */
async function mailboxContents(mailbox: string): Promise<{ uid: number; flags: string[] }[]> {
  const client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
  await client.connect();
  try {
    await client.mailboxOpen(mailbox, { readOnly: true });
    const messages = await client.fetchAll("1:*", { uid: true, flags: true }, { uid: true });
    return messages.map((m) => ({ uid: m.uid, flags: [...(m.flags ?? [])].filter((flag) => flag !== "\\Recent") }));
  } finally {
    await client.logout();
  }
}

async function logoutCount(): Promise<number> {
  return (await dovecot.readLog()).split("Disconnected: Logged out").length - 1;
}

describe.each(testEngines())("pollImapMailbox on %s", (engine) => {
  let database: TestDatabase;
  let mailbox: string;
  let settings: ImapSettings;
  let tag: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.drop();
  });
  // Each test gets its own mailbox, so its own checkpoint and UIDs from 1.
  beforeEach(async () => {
    mailboxCount += 1;
    mailbox = `Support${mailboxCount}`;
    tag = `${engine}-${mailbox}-${randomBytes(4).toString("hex")}`;
    await dovecot.createMailbox(mailbox);
    settings = { host: dovecot.host, port: dovecot.port, secure: false, user: dovecot.user, password: dovecot.password, mailbox };
  });

  async function checkpoint() {
    const [row] = await database.db.select().from(mailCheckpoints).where(eq(mailCheckpoints.key, imapCheckpointKey(settings)));
    return row;
  }

  it("ingests each message once, oldest first, in batches, and leaves the mailbox untouched", async () => {
    const sent = [1, 2, 3, 4, 5].map((n) => message(tag, n));
    for (const raw of sent) await dovecot.appendMessage(raw, mailbox);
    const validity = await dovecot.uidValidity(mailbox);
    const recorder = recordingIngest();

    expect(await pollImapMailbox(database.db, settings, { ingest: recorder.ingest, batchSize: 2 })).toEqual({ fetched: 5, ingested: 5, duplicates: 0 });
    expect(recorder.calls.map((call) => call.sourceKey)).toEqual([1, 2, 3, 4, 5].map((uid) => `imap:${mailbox}:${validity}:${uid}`));
    expect(recorder.calls.map((call) => call.raw.toString())).toEqual(sent);
    expect(await checkpoint()).toMatchObject({ key: `imap:support@127.0.0.1:${dovecot.port}/${mailbox}`, uidValidity: validity, lastUid: 5 });
    // Read-only: nothing deleted, moved or marked \Seen.
    expect(await mailboxContents(mailbox)).toEqual([1, 2, 3, 4, 5].map((uid) => ({ uid, flags: [] })));

    expect(await pollImapMailbox(database.db, settings, { ingest: recorder.ingest })).toEqual({ fetched: 0, ingested: 0, duplicates: 0 });
    expect(recorder.calls).toHaveLength(5);

    await dovecot.appendMessage(message(tag, 6), mailbox);
    expect(await pollImapMailbox(database.db, settings, { ingest: recorder.ingest })).toEqual({ fetched: 1, ingested: 1, duplicates: 0 });
    expect(recorder.uids()).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await checkpoint())?.lastUid).toBe(6);
  });

  it("after a restart (a new poller, a new connection) goes on from the checkpoint, skipping and repeating nothing", async () => {
    for (const n of [1, 2]) await dovecot.appendMessage(message(tag, n), mailbox);
    const before = recordingIngest();
    await pollImapMailbox(database.db, settings, { ingest: before.ingest });

    for (const n of [3, 4]) await dovecot.appendMessage(message(tag, n), mailbox);
    const after = recordingIngest();
    expect(await pollImapMailbox(database.db, settings, { ingest: after.ingest })).toEqual({ fetched: 2, ingested: 2, duplicates: 0 });
    expect([before.uids(), after.uids()]).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(after.calls.map((call) => call.raw.toString())).toEqual([message(tag, 3), message(tag, 4)]);
  });

  it("reads at most maxMessages per poll and leaves the rest for the next one", async () => {
    for (const n of [1, 2, 3]) await dovecot.appendMessage(message(tag, n), mailbox);
    const recorder = recordingIngest();

    expect(await pollImapMailbox(database.db, settings, { ingest: recorder.ingest, maxMessages: 2 })).toEqual({ fetched: 2, ingested: 2, duplicates: 0 });
    expect((await checkpoint())?.lastUid).toBe(2);
    expect(await pollImapMailbox(database.db, settings, { ingest: recorder.ingest, maxMessages: 2 })).toEqual({ fetched: 1, ingested: 1, duplicates: 0 });
    expect(recorder.uids()).toEqual([1, 2, 3]);
  });

  it("does not re-read the newest old message when the one after it was deleted unread (IMAP's N:* quirk)", async () => {
    for (const n of [1, 2, 3]) await dovecot.appendMessage(message(tag, n), mailbox);
    const recorder = recordingIngest();
    await pollImapMailbox(database.db, settings, { ingest: recorder.ingest });
    // UIDNEXT is now 5, so there seems to be something new, but `4:*` answers with UID 3.
    await dovecot.appendMessage(message(tag, 4), mailbox);
    await dovecot.deleteMessage(4, mailbox);

    expect(await pollImapMailbox(database.db, settings, { ingest: recorder.ingest })).toEqual({ fetched: 0, ingested: 0, duplicates: 0 });
    expect(recorder.uids()).toEqual([1, 2, 3]);
    expect((await checkpoint())?.lastUid).toBe(3);
  });

  it("stops at a message that could not be stored, keeps the checkpoint before it, logs out, and resumes there next time", async () => {
    for (const n of [1, 2, 3]) await dovecot.appendMessage(message(tag, n), mailbox);
    const validity = await dovecot.uidValidity(mailbox);
    const recorder = recordingIngest({ failOnSourceKey: `imap:${mailbox}:${validity}:2` });
    const logoutsBefore = await logoutCount();

    await expect(pollImapMailbox(database.db, settings, { ingest: recorder.ingest })).rejects.toThrow("storing failed: database is down");
    expect(recorder.uids()).toEqual([1, 2]);
    expect((await checkpoint())?.lastUid).toBe(1);
    // The connection was closed with LOGOUT despite the error (dovecot logs it a moment later).
    await expect.poll(logoutCount, { timeout: 2_000 }).toBe(logoutsBefore + 1);

    expect(await pollImapMailbox(database.db, settings, { ingest: recorder.ingest })).toEqual({ fetched: 2, ingested: 2, duplicates: 0 });
    expect(recorder.uids()).toEqual([1, 2, 2, 3]);
    expect((await checkpoint())?.lastUid).toBe(3);
  });

  it("rejects with the server's reason when the login fails, and writes no checkpoint", async () => {
    const recorder = recordingIngest();
    await expect(pollImapMailbox(database.db, { ...settings, password: "wrong" }, { ingest: recorder.ingest })).rejects.toThrow(
      `IMAP support@127.0.0.1:${dovecot.port}/${mailbox}: Authentication failed.`,
    );
    expect(await checkpoint()).toBeUndefined();
    expect(recorder.calls).toEqual([]);
  });

  it("reads a recreated mailbox (new UIDVALIDITY, UIDs from 1 again) from the start", async () => {
    for (const n of [1, 2, 3]) await dovecot.appendMessage(message(tag, n), mailbox);
    const recorder = recordingIngest();
    await pollImapMailbox(database.db, settings, { ingest: recorder.ingest });
    const oldValidity = await dovecot.uidValidity(mailbox);

    await dovecot.recreateMailbox(mailbox);
    for (const n of [11, 12]) await dovecot.appendMessage(message(tag, n), mailbox);
    const newValidity = await dovecot.uidValidity(mailbox);
    expect(newValidity).not.toBe(oldValidity);

    expect(await pollImapMailbox(database.db, settings, { ingest: recorder.ingest })).toEqual({ fetched: 2, ingested: 2, duplicates: 0 });
    expect(recorder.calls.slice(3).map((call) => [call.sourceKey, call.raw.toString()])).toEqual([
      [`imap:${mailbox}:${newValidity}:1`, message(tag, 11)],
      [`imap:${mailbox}:${newValidity}:2`, message(tag, 12)],
    ]);
    expect(await checkpoint()).toMatchObject({ uidValidity: newValidity, lastUid: 2 });
  });

  it("fetches a 30 MB message intact, between small ones", async () => {
    const attachment = randomBytes(22 * 1024 * 1024).toString("base64").replace(/.{76}/g, "$&\r\n");
    const big = [
      "From: Anna <anna@example.com>",
      "To: support@example.com",
      "Subject: Scans",
      `Message-ID: <${tag}-big@example.com>`,
      'Content-Type: multipart/mixed; boundary="b"',
      "",
      "--b",
      "Content-Type: text/plain",
      "",
      "See attached.",
      "--b",
      "Content-Type: application/octet-stream",
      "Content-Transfer-Encoding: base64",
      'Content-Disposition: attachment; filename="scan.bin"',
      "",
      attachment,
      "--b--",
      "",
    ].join("\r\n");
    expect(big.length).toBeGreaterThan(30 * 1024 * 1024);
    await dovecot.appendMessage(message(tag, 1), mailbox);
    await dovecot.appendMessage(Buffer.from(big), mailbox);
    await dovecot.appendMessage(message(tag, 3), mailbox);
    const recorder = recordingIngest();

    expect(await pollImapMailbox(database.db, settings, { ingest: recorder.ingest })).toEqual({ fetched: 3, ingested: 3, duplicates: 0 });
    expect(recorder.uids()).toEqual([1, 2, 3]);
    expect(recorder.calls[1]!.raw.byteLength).toBe(big.length);
    expect(sha256(recorder.calls[1]!.raw)).toBe(sha256(big));
  });

  it("with the real ingest, stores each delivery, and after a UIDVALIDITY change stores the re-read copies as duplicates", async () => {
    const sent = [1, 2].map((n) => message(tag, n));
    for (const raw of sent) await dovecot.appendMessage(raw, mailbox);
    const validity = await dovecot.uidValidity(mailbox);

    expect(await pollImapMailbox(database.db, settings)).toEqual({ fetched: 2, ingested: 2, duplicates: 0 });
    const stored = await database.db.select().from(inboundEmails).where(eq(inboundEmails.sourceKey, `imap:${mailbox}:${validity}:2`));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.raw.toString()).toBe(sent[1]);
    expect(stored[0]!.messageId).toBe(`<${tag}-2@example.com>`);

    // Same messages, same UIDs, new UIDVALIDITY: read again under new source keys, applied no second time.
    await dovecot.setUidValidity(mailbox, Number(validity) + 1000);
    expect(await pollImapMailbox(database.db, settings)).toEqual({ fetched: 2, ingested: 0, duplicates: 2 });
    const reread = await database.db.select().from(inboundEmails).where(eq(inboundEmails.sourceKey, `imap:${mailbox}:${Number(validity) + 1000}:1`));
    expect(reread[0]).toMatchObject({ status: "duplicate", duplicateOfId: expect.any(String) });
    expect(await pollImapMailbox(database.db, settings)).toEqual({ fetched: 0, ingested: 0, duplicates: 0 });
  });
});
