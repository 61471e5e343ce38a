import { checkStaff } from "@/lib/auth/current-staff";
import { fileDownloadResponse } from "@/lib/files/download-response";
import { readRequestFile } from "@/lib/files/read-request-file";
import { readyDb } from "@/db/ready";

export const dynamic = "force-dynamic";

const refusal = (status: 401 | 403 | 404) => new Response(null, { status, headers: { "Cache-Control": "no-store" } });

/** Any signed-in staff member downloads a file of a request (attachments, proofs, delivered packages). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; fileId: string }> }) {
  const check = await checkStaff();
  if (!check.ok) return refusal(check.status);
  const { id, fileId } = await params;
  const found = await readRequestFile(await readyDb(), { requestId: id, fileId });
  if (!found) return refusal(404);
  return fileDownloadResponse(found.file, found.bytes);
}
