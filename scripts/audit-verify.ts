// npm run audit:verify — walks the audit log's hash chain and names the first broken row.
import { describeDatabase, getConnection } from "@/db";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { ensureAppReady } from "@/lib/startup/ensure-app-ready";

async function main() {
  await ensureAppReady();
  const connection = getConnection();
  const report = await verifyAuditChain(connection.db);
  await connection.close();
  if (report.ok) {
    console.log(`audit log intact: ${report.checked} rows checked in ${describeDatabase()}; last hash ${report.lastHash}`);
    return;
  }
  const what = report.reason === "content_changed" ? "its content no longer matches its hash (edited)" : "it does not link to the row before it (a row was deleted, inserted or moved)";
  console.error(`audit log BROKEN at row ${report.brokenAtId}: ${what}; ${report.checked} rows before it are intact`);
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
