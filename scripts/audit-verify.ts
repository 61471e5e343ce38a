// npm run audit:verify — seals what can be sealed, then walks the audit log's hash chain and its
// signed checkpoints and names the first broken row. Exit code 1 when broken.
import { describeDatabase, getConnection } from "@/db";
import { sealAuditLog } from "@/lib/audit/seal-audit-log";
import { verifyAuditChain, type AuditChainFailure } from "@/lib/audit/verify-audit-chain";
import { ensureAppReady } from "@/lib/startup/ensure-app-ready";

const FAILURES: Record<AuditChainFailure, string> = {
  content_changed: "its content no longer matches its hash (edited)",
  link_broken: "it does not link to the seal before it (a row was deleted, inserted or moved)",
  not_sealed: "it has no seal though rows after it are sealed (slipped in behind the sealer)",
  bad_signature: "the signed checkpoint there does not verify (the checkpoint or the chain was rewritten)",
  unknown_key: "the checkpoint there is signed with a key that is not trusted (AUDIT_SIGNING_KEY)",
  checkpoint_mismatch: "the chain there differs from what the signed checkpoint recorded",
  truncated: "a signed checkpoint names it but the chain ends before it (rows were cut off)",
};

async function main() {
  await ensureAppReady();
  const connection = getConnection();
  await sealAuditLog(connection.db, { wait: true });
  const report = await verifyAuditChain(connection.db);
  await connection.close();
  if (report.ok) {
    const checkpoint = report.lastCheckpoint
      ? `${report.checkpoints} signed checkpoints valid, latest at seq ${report.lastCheckpoint.seq} (${report.lastCheckpoint.signedAt}, key ${report.lastCheckpoint.keyId})`
      : "no signed checkpoint yet";
    console.log(`audit log intact: ${report.checked} rows checked in ${describeDatabase()}; last hash ${report.lastHash}; ${checkpoint}; ${report.pending} rows pending seal`);
    return;
  }
  console.error(`audit log BROKEN at row ${report.brokenAtId}: ${FAILURES[report.reason]}; ${report.checked} rows before it are intact`);
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
