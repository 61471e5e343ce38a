import { checkStaff } from "@/lib/auth/current-staff";
import { fileDownloadResponse } from "@/lib/files/download-response";
import { readInboundRaw } from "@/lib/inbound/read-inbound-raw";
import { readyDb } from "@/db/ready";

export const dynamic = "force-dynamic";

const refusal = (status: 401 | 403 | 404) => new Response(null, { status, headers: { "Cache-Control": "no-store" } });

/**
 * The e-mail exactly as it was received, as an .eml download (never rendered: it may hold HTML,
 * scripts or anything else a sender chose), for staff who need more than the parsed text.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const check = await checkStaff("mail.read");
  if (!check.ok) return refusal(check.status);
  const { id } = await params;
  const raw = await readInboundRaw(await readyDb(), id);
  if (!raw) return refusal(404);
  return fileDownloadResponse({ filename: `inbound-${id}.eml`, contentType: "message/rfc822" }, raw);
}
