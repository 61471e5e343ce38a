import { fileDownloadResponse } from "@/lib/files/download-response";
import { readRequestFile } from "@/lib/files/read-request-file";
import { resolveStatusToken } from "@/lib/requests/requester-access";
import { readyDb } from "@/db/ready";

export const dynamic = "force-dynamic";

const NOT_FOUND = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * A requester downloads a file of their own request through its private link. Delivered data
 * packages stop being downloadable when their link expires. Every refusal looks the same.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string; fileId: string }> }) {
  const { token, fileId } = await params;
  const db = await readyDb();
  const access = await resolveStatusToken(db, token);
  if (!access.ok || !/^[0-9a-f-]{36}$/i.test(fileId)) return NOT_FOUND();
  const found = await readRequestFile(db, { requestId: access.request.id, fileId });
  if (!found) return NOT_FOUND();
  if (found.file.purpose === "data_package" && found.file.availableUntil && found.file.availableUntil <= new Date()) return NOT_FOUND();
  return fileDownloadResponse(found.file, found.bytes);
}
