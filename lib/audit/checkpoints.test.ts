import { generateKeyPairSync } from "node:crypto";
import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditCheckpoint } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { newAuditSigningKey, parseAuditSigningKey } from "./audit-signing-key";
import { checkCheckpointSignature, signCheckpoint } from "./checkpoint-signature";
import { recordAuditEvent } from "./record-audit-event";
import { sealAuditLog } from "./seal-audit-log";
import { verifyAuditChain } from "./verify-audit-chain";

describe("checkpoint signatures", () => {
  const key = newAuditSigningKey();
  const fields = { seq: 7, auditId: 42, chainHash: "a".repeat(64), signedAt: new Date("2026-11-30T05:00:00.000Z") };

  it("verify with the key that signed them and with no other", () => {
    const signed = { ...fields, ...signCheckpoint(fields, key) };
    expect(checkCheckpointSignature(signed, [key])).toBe("valid");
    expect(checkCheckpointSignature(signed, [newAuditSigningKey()])).toBe("unknown_key");
    const impostor = newAuditSigningKey();
    expect(checkCheckpointSignature({ ...signed, keyId: impostor.keyId }, [impostor])).toBe("bad_signature");
  });

  it("cover every field", () => {
    const signed = { ...fields, ...signCheckpoint(fields, key) };
    expect(checkCheckpointSignature({ ...signed, seq: 6 }, [key])).toBe("bad_signature");
    expect(checkCheckpointSignature({ ...signed, auditId: 41 }, [key])).toBe("bad_signature");
    expect(checkCheckpointSignature({ ...signed, chainHash: "b".repeat(64) }, [key])).toBe("bad_signature");
    expect(checkCheckpointSignature({ ...signed, signedAt: new Date(fields.signedAt.getTime() + 1) }, [key])).toBe("bad_signature");
    expect(checkCheckpointSignature({ ...signed, signature: "not base64 at all" }, [key])).toBe("bad_signature");
  });

  it("read the key as PEM (also with \\n escapes) or base64 PKCS#8, and refuse other kinds", () => {
    const pem = key.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const der = key.privateKey.export({ type: "pkcs8", format: "der" }).toString("base64");
    expect(parseAuditSigningKey(pem).keyId).toBe(key.keyId);
    expect(parseAuditSigningKey(pem.replace(/\n/g, "\\n")).keyId).toBe(key.keyId);
    expect(parseAuditSigningKey(der).keyId).toBe(key.keyId);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(() => parseAuditSigningKey(rsa)).toThrow(/AUDIT_SIGNING_KEY: expected an Ed25519 key/);
    expect(() => parseAuditSigningKey("bm90IGEga2V5")).toThrow(/AUDIT_SIGNING_KEY/);
  });
});

describe.each(testEngines())("signed checkpoints on %s", (engine) => {
  let database: TestDatabase;
  const key = newAuditSigningKey();
  const trustedKeys = [key];
  const start = new Date("2026-11-30T00:00:00.000Z");
  const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

  async function append(count: number) {
    for (let i = 0; i < count; i++) await database.db.transaction((tx) => recordAuditEvent(tx, { actorType: "system", action: "test.step", entityType: "t", data: { i } }));
  }

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("signs the head when one is due: the first at once, then every AUDIT_CHECKPOINT_MINUTES (10) while rows arrive", async () => {
    await append(3);
    expect((await sealAuditLog(database.db, { key, now: start })).checkpoint).toMatchObject({ seq: 3, keyId: key.keyId, signedAt: start });
    await append(2);
    // Sealed, but the last checkpoint is recent and 1,000 rows have not passed: no new one.
    expect(await sealAuditLog(database.db, { key, now: minutes(5) })).toMatchObject({ sealed: 2, checkpoint: { seq: 3 } });
    expect((await sealAuditLog(database.db, { key, now: minutes(11) })).checkpoint).toMatchObject({ seq: 5, signedAt: minutes(11) });
    // Nothing new sealed: nothing new signed, however long it has been.
    expect((await sealAuditLog(database.db, { key, now: minutes(60) })).checkpoint).toMatchObject({ seq: 5 });
    await append(1);
    expect((await sealAuditLog(database.db, { key, now: minutes(61), checkpoint: "head" })).checkpoint).toMatchObject({ seq: 6 });
    const rows = await database.db.select({ seq: auditCheckpoint.seq }).from(auditCheckpoint).orderBy(asc(auditCheckpoint.seq));
    expect(rows.map((row) => row.seq)).toEqual([3, 5, 6]);
    expect(await verifyAuditChain(database.db, { trustedKeys })).toMatchObject({ ok: true, checked: 6, checkpoints: 3, lastCheckpoint: { seq: 6, keyId: key.keyId, signedAt: minutes(61).toISOString() } });
  });

  it("refuses to change or remove a checkpoint", async () => {
    await expect(database.db.execute(sql`update audit_checkpoint set signature = 'x'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_checkpoint`)).rejects.toThrow();
    expect(await verifyAuditChain(database.db, { trustedKeys })).toMatchObject({ ok: true, checkpoints: 3 });
  });

  /** Tampers with the triggers off, verifies, and rolls back. */
  async function verifyTampered(statements: string[], keys = trustedKeys) {
    let report: Awaited<ReturnType<typeof verifyAuditChain>> | undefined;
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql.raw("set local session_replication_role = replica"));
        for (const statement of statements) await tx.execute(sql.raw(statement));
        report = await verifyAuditChain(tx, { trustedKeys: keys });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    return report;
  }

  it("detects rows cut off after a signed checkpoint", async () => {
    const [last] = await database.db.select().from(auditCheckpoint).where(sql`${auditCheckpoint.seq} = 6`);
    // The last row and its seal gone: the chain itself is still well linked, but shorter than signed.
    const report = await verifyTampered([`delete from audit_seal where seq = 6`, `delete from audit_log where id = ${last!.auditId}`]);
    expect(report).toEqual({ ok: false, checked: 5, brokenAtId: last!.auditId, reason: "truncated" });
    // Cut back to before two checkpoints: the first one beyond the end is named.
    const cut = await verifyTampered([`delete from audit_seal where seq >= 4`]);
    expect(cut).toMatchObject({ ok: false, checked: 3, reason: "truncated" });
  });

  it("detects a forged or altered signature, a checkpoint that does not match the chain, and an untrusted key", async () => {
    const [first] = await database.db.select().from(auditCheckpoint).where(sql`${auditCheckpoint.seq} = 3`);
    const other = Buffer.from(first!.signature, "base64");
    other[0] = other[0]! ^ 1;
    expect(await verifyTampered([`update audit_checkpoint set signature = '${other.toString("base64")}' where seq = 3`])).toEqual({ ok: false, checked: 3, brokenAtId: first!.auditId, reason: "bad_signature" });
    // A checkpoint rewritten to a different hash, re-signed with a key that is not trusted.
    const forger = newAuditSigningKey();
    const forged = { seq: 3, auditId: first!.auditId, chainHash: "f".repeat(64), signedAt: first!.signedAt };
    const { keyId, signature } = signCheckpoint(forged, forger);
    const rewrite = `update audit_checkpoint set chain_hash = '${forged.chainHash}', key_id = '${keyId}', signature = '${signature}' where seq = 3`;
    expect(await verifyTampered([rewrite])).toEqual({ ok: false, checked: 3, brokenAtId: first!.auditId, reason: "unknown_key" });
    // ... and if that key were trusted, the signature holds but the chain does not match it.
    expect(await verifyTampered([rewrite], [key, forger])).toEqual({ ok: false, checked: 3, brokenAtId: first!.auditId, reason: "checkpoint_mismatch" });
    // Verified with the wrong key altogether (a different installation's).
    expect(await verifyAuditChain(database.db, { trustedKeys: [newAuditSigningKey()] })).toEqual({ ok: false, checked: 3, brokenAtId: first!.auditId, reason: "unknown_key" });
    expect(await verifyAuditChain(database.db, { trustedKeys })).toMatchObject({ ok: true, checked: 6 });
  });
});
