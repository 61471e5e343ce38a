import { checkStaff } from "@/lib/auth/current-staff";
import { createExport } from "@/lib/compliance/export-create";
import { contentDisposition } from "@/lib/files/download-response";
import { errorMessage, log } from "@/lib/log";
import { readyDb } from "@/db/ready";

export const dynamic = "force-dynamic";

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * GET /api/exports/requests|audit?format=csv|jsonl&from&to&type&status&jurisdiction — the log as
 * a streamed download (see the exports page). Compliance officers and admins only.
 */
export async function GET(request: Request, { params }: { params: Promise<{ log: string }> }) {
  const check = await checkStaff("compliance.read");
  if (!check.ok) return json(check.status, { error: check.status === 401 ? "unauthenticated" : "forbidden" });
  const { log: exportLog } = await params;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  let created;
  try {
    created = await createExport(await readyDb(), { log: exportLog, query }, check.staff);
  } catch (error) {
    log.error("export could not start", { log: exportLog, error: errorMessage(error) });
    return json(500, { error: "unexpected" });
  }
  if (!created.ok) {
    if (created.error === "invalid") return json(400, { error: "invalid", issues: created.issues });
    return json(created.error === "forbidden" ? 403 : 404, { error: created.error });
  }
  return new Response(created.body, {
    status: 200,
    headers: {
      "Content-Type": created.contentType,
      "Content-Disposition": contentDisposition(created.filename),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
