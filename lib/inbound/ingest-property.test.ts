import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboundEmails } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { runHousekeepingJobs } from "@/lib/jobs/worker";
import { seedDeadlineData } from "@/lib/requests/deadlines/deadline-repository";
import { INBOUND_FIXTURES, readFixtureBytes } from "./fixtures";
import { INBOUND_STATUS_ACTIONS } from "./inbound-staff-schemas";
import { ingestEmail } from "./ingest-email";
import { listInboundEmails } from "./list-inbound-emails";

/** Where parsing ends: every status but "received" (which would mean processing never finished). */
const SETTLED = Object.keys(INBOUND_STATUS_ACTIONS).filter((status) => status !== "received");

/** A random edit of a real message's bytes: what transport damage, bad software and attackers produce. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant("nul" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("cr-only" as const) }),
  fc.record({ kind: fc.constant("lf-only" as const) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Buffer, edit: Mutation): Buffer {
  const at = "at" in edit ? edit.at % (bytes.length + 1) : 0;
  switch (edit.kind) {
    case "insert":
      return Buffer.concat([bytes.subarray(0, at), edit.bytes, bytes.subarray(at)]);
    case "delete":
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + edit.length)]);
    case "nul":
      return Buffer.concat([bytes.subarray(0, at), Buffer.from([0]), bytes.subarray(at)]);
    case "truncate":
      return bytes.subarray(0, at);
    case "cr-only":
      return Buffer.from(bytes.toString("latin1").replace(/\r?\n/g, "\r"), "latin1");
    case "lf-only":
      return Buffer.from(bytes.toString("latin1").replace(/\r\n/g, "\n"), "latin1");
  }
}

/** Text with everything a database or a decoder may choke on: NUL, lone surrogates, controls, any plane. */
const nastyText = fc.string({ unit: fc.oneof(fc.constantFrom("\u0000", "\uD800", "\uDFFF", "\r", "\u202E", "=?", "?="), fc.string({ unit: "binary", maxLength: 1 })), maxLength: 40 });

/** A message built from random header values and body, encoded words included. */
const builtMessage = fc
  .record({ subject: nastyText, name: nastyText, body: nastyText, charset: fc.constantFrom("utf-8", "us-ascii", "utf-7", "x-unknown", "windows-1251", "") })
  .map(({ subject, name, body, charset }) =>
    Buffer.concat([
      Buffer.from(
        [
          `From: =?utf-8?B?${Buffer.from(name).toString("base64")}?= <someone@example.org>`,
          "To: info@smart-lift.kz",
          `Subject: =?${charset || "utf-8"}?B?${Buffer.from(subject).toString("base64")}?= ${subject}`,
          `Content-Type: text/plain; charset=${charset}`,
          "",
          "",
        ].join("\r\n"),
      ),
      Buffer.from(body),
    ]),
  );

const anyMessage = fc.oneof(
  fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
  fc.tuple(fc.constantFrom(...INBOUND_FIXTURES), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([name, edits]) => edits.reduce(mutate, readFixtureBytes(name))),
  builtMessage,
);

/**
 * Whatever bytes arrive, ingest never throws, keeps them exactly, and leaves the e-mail in a status
 * staff can see and act on; and the worker's housekeeping (retention among it) still completes.
 */
describe.each(testEngines())("ingestEmail on random and mutated messages on %s", (engine) => {
  let database: TestDatabase;
  let counter = 0;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDeadlineData(database.db);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("never throws, stores the raw bytes exactly, and settles in a status on a staff screen", { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(anyMessage, async (raw) => {
        if (raw.byteLength === 0) return;
        const result = await ingestEmail(database.db, { raw, sourceKey: `property:${++counter}` });
        const [row] = await database.db.select().from(inboundEmails).where(eq(inboundEmails.id, result.id));
        expect(Buffer.from(row!.raw).equals(raw)).toBe(true);
        expect(SETTLED).toContain(row!.status);
        const listed = await listInboundEmails(database.db, { status: row!.status });
        expect(listed.items.some((item) => item.id === row!.id)).toBe(true);
      }),
      { numRuns: 60 },
    );
    expect(await runHousekeepingJobs(database.db, new Date(Date.now() + 3 * 3_600_000))).toEqual([]);
  });
});
