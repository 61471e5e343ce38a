import type { Db } from "@/db/client";
import type { Request } from "@/db/schema";
import { hashToken, looksLikeToken } from "@/lib/security/tokens";
import { acceptsRequesterMessages, isOpen } from "./lifecycle";
import { accessFromRow } from "./requester-access";
import { readStatusPage } from "./status-page-read";
import { parseRequestDetails, storedComment, type RequestDetails } from "./types";
import { readTimelineRows, type StoredTimelineEvent } from "./timeline-event-data";

export type RequestStatusView = {
  request: Pick<
    Request,
    | "reference"
    | "type"
    | "status"
    | "locale"
    | "jurisdiction"
    | "createdAt"
    | "verifiedAt"
    | "dueAt"
    | "closedAt"
    | "urgent"
    | "requesterName"
    | "onBehalf"
    | "subjectName"
    | "denialReason"
    | "outcomeNote"
  >;
  /** What they asked for, read by the type's parser (lib/requests/types); render with requesterSummaryRows. */
  details: RequestDetails;
  comment: string | null;
  /** On-behalf requests: whether the representative's proof of authority arrived (the files stay staff-side). */
  proofOfAuthorityReceived: boolean;
  canMessage: boolean;
  canWithdraw: boolean;
  timeline: ({ id: number; actorType: string; createdAt: Date } & StoredTimelineEvent)[];
  messages: { id: string; direction: "inbound" | "outbound"; body: string; createdAt: Date; files: { id: string; filename: string; sizeBytes: number }[] }[];
  /**
   * The clock while awaiting the requester: stopped now, and how far the pauses so far moved the
   * due date, in the unit they count in (working days, calendar days — month rules too — or hours).
   */
  clock: { pausedNow: boolean; stopped: { amount: number; unit: "working_days" | "calendar_days" | "hours" } | null };
  /** Files staff delivered (data packages), downloadable until availableUntil. */
  deliveries: { id: string; filename: string; sizeBytes: number; availableUntil: Date | null; available: boolean }[];
};

export type StatusPageResult = { ok: true; view: RequestStatusView } | { ok: false; error: "not_found" | "expired" };

/** Everything the requester's private status page shows; internal notes and staff-only events excluded. */
export async function getRequestStatus(db: Db, token: string, now = new Date()): Promise<StatusPageResult> {
  if (!looksLikeToken(token)) return { ok: false, error: "not_found" };
  // One statement; what it read is shown only when the token grants access.
  const row = await readStatusPage(db, hashToken(token));
  const access = accessFromRow(row, now);
  if (!access.ok) return access;
  const { request } = access;
  const { timeline, messages: messageRows, files: fileRows, ruleUnit } = row!;

  const filesOf = (messageId: string) =>
    fileRows.filter((f) => f.messageId === messageId).map((f) => ({ id: f.id, filename: f.filename, sizeBytes: f.sizeBytes }));

  return {
    ok: true,
    view: {
      request,
      details: parseRequestDetails(request.type, request.details),
      comment: storedComment(request.details),
      proofOfAuthorityReceived: fileRows.some((f) => f.purpose === "proof_of_authority"),
      canMessage: acceptsRequesterMessages(request.status),
      canWithdraw: isOpen(request.status),
      clock: { pausedNow: request.pausedAt !== null && isOpen(request.status), stopped: clockStopped(request, ruleUnit) },
      timeline: readTimelineRows(timeline),
      messages: messageRows.map((m) => ({
        id: m.id,
        direction: m.direction as "inbound" | "outbound",
        body: m.body,
        createdAt: m.createdAt,
        files: filesOf(m.id),
      })),
      deliveries: fileRows
        .filter((f) => f.purpose === "data_package")
        .map((f) => ({
          id: f.id,
          filename: f.filename,
          sizeBytes: f.sizeBytes,
          availableUntil: f.availableUntil,
          available: !f.availableUntil || f.availableUntil > now,
        })),
    },
  };
}

const HOUR_MS = 3_600_000;

function clockStopped(request: Pick<Request, "pausedMs" | "pausedDays">, unit: string | null): RequestStatusView["clock"]["stopped"] {
  if (unit === null || unit === "hours") {
    const hours = Math.round(request.pausedMs / HOUR_MS);
    return hours > 0 ? { amount: hours, unit: "hours" } : null;
  }
  if (request.pausedDays === 0) return null;
  return { amount: request.pausedDays, unit: unit === "working_days" ? "working_days" : "calendar_days" };
}
