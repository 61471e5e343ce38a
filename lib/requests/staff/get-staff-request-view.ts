import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { msLeftOf } from "../deadlines/time-left";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { files, inboundEmails, outboxEmails, requestEvents, requestMessages, requests, staff, type DeadlineRule, type OutboxStatus, type Request, type StoredFile } from "@/db/schema";
import { UPLOAD_PROBLEM_CODES, type UploadProblemCode } from "@/lib/files/upload-limits";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { getDeadlineRule } from "../deadlines/deadline-repository";
import { loadWorkingDaysOnClock } from "../deadlines/load-working-days-on-clock";
import { isOpen } from "../lifecycle";
import { allowedActionsFor, type StaffAction } from "./offered-actions";
import { AppError } from "@/lib/errors/app-error";
import { requestRefSchema } from "./schemas";
import { parseInput } from "@/lib/errors/field-errors";
import { can } from "@/lib/auth/permissions";
import { AUTO_REPLY_CHANNEL } from "@/lib/inbound/message-channels";
import { parseRequestDetails, storedComment, type RequestDetails } from "../types";
import { readTimelineRows, type StoredTimelineEvent } from "../timeline-event-data";
import { FILE_ORDER } from "@/lib/files/file-order";

export type { StaffAction } from "./offered-actions";

/** What came with a requester's message that arrived by e-mail (from the message_received event and the stored e-mail). */
export type InboundMessageView = {
  inboundEmailId: string | null;
  from: string | null;
  /** Sent from an address other than the request's verified one. */
  fromOtherAddress: boolean;
  /** Attachments not saved on the request (over the portal's limits); the stored e-mail still has them. */
  rejectedAttachments: { name: string; code: UploadProblemCode }[];
  /** The e-mail's whole text, quoted history included (the message shows only the new part). */
  fullText: string | null;
};

export type StaffFileView = Pick<StoredFile, "id" | "filename" | "contentType" | "sizeBytes" | "purpose" | "messageId" | "uploadedBy" | "createdAt" | "availableUntil">;

export type StaffRequestView = {
  request: Pick<
    Request,
    "id" | "reference" | "type" | "status" | "locale" | "jurisdiction" | "channel" | "urgent" | "createdAt" | "verifiedAt" | "statusChangedAt" | "closedAt" | "denialReason" | "outcomeNote"
  >;
  requester: Pick<Request, "requesterName" | "requesterEmail" | "requesterPhone" | "onBehalf" | "representativeRelation" | "subjectName">;
  verification: { verified: boolean; verifiedAt: Date | null; consentAt: Date; proofOfAuthorityFiles: number };
  duplicateOf: { id: string; reference: string | null } | null;
  /** Later requests linked to this one as possible duplicates. */
  duplicates: { id: string; reference: string | null; status: Request["status"] }[];
  /** What the requester asked for, read by the type's parser (lib/requests/types); render with staffDetailRows. */
  details: RequestDetails;
  comment: string | null;
  deadline: {
    dueAt: Date | null;
    originalDueAt: Date | null;
    /** Milliseconds until dueAt (negative when overdue); frozen while the clock is paused. */
    msLeft: number | null;
    /** Under a rule that counts working days: those left by the rule's calendar (time-left.ts); else null. */
    workingDaysOnClock: number | null;
    overdue: boolean;
    paused: boolean;
    pausedAt: Date | null;
    pausedMs: number;
    /** Days the pauses moved the due date by, in the rule's unit (see resumeDueAt). */
    pausedDays: number;
    extendedAt: Date | null;
    extensionReason: string | null;
    rule: Pick<DeadlineRule, "id" | "jurisdiction" | "requestType" | "amount" | "unit" | "startsAtEvent" | "extensionAmount" | "extensionUnit" | "pausesWhile" | "source" | "validFrom"> | null;
  };
  assignee: { id: string; name: string; email: string; role: string } | null;
  /** Active agents and admins a request can be assigned to. */
  assignableStaff: { id: string; name: string; role: string }[];
  timeline: ({ id: number; actorType: string; actorId: string | null; actorName: string | null; visibleToRequester: boolean; createdAt: Date } & StoredTimelineEvent)[];
  messages: {
    id: string;
    direction: "inbound" | "outbound" | "internal";
    authorType: string;
    authorName: string | null;
    channel: string;
    body: string;
    createdAt: Date;
    email: { status: OutboxStatus; lastError: string | null; bounceDetail: string | null } | null;
    /** For a requester's message that came by e-mail; null otherwise. */
    inbound: InboundMessageView | null;
    files: StaffFileView[];
  }[];
  files: StaffFileView[];
  /** Emails to the requester and whether they went out (failures are shown on the request). */
  emails: {
    id: string;
    template: string;
    subject: string;
    status: OutboxStatus;
    attempts: number;
    lastError: string | null;
    createdAt: Date;
    sentAt: Date | null;
    bouncedAt: Date | null;
    /** What the delivery-status report said (recipient, status code, the remote server's diagnostic). */
    bounceDetail: string | null;
  }[];
  /** What this staff member may do now: the lifecycle table's moves from the current status, plus assign/extend/note. */
  allowedActions: StaffAction[];
  /** Declined, and the requester has written since: they contest the denial (staff may reopen). */
  contested: boolean;
};

function str(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function rejectedAttachmentsOf(value: unknown): InboundMessageView["rejectedAttachments"] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: { name?: unknown; code?: unknown }) =>
    typeof item?.name === "string" && (UPLOAD_PROBLEM_CODES as readonly unknown[]).includes(item.code) ? [{ name: item.name, code: item.code as UploadProblemCode }] : [],
  );
}

/** The e-mail details of each requester message that arrived by e-mail, by message id. */
function inboundMessagesOf(events: { kind: string; data: Record<string, unknown> }[], fullTexts: Map<string, string | null>): Map<string, InboundMessageView> {
  const byMessage = new Map<string, InboundMessageView>();
  for (const { kind, data } of events) {
    const messageId = str(data.messageId);
    if (kind !== "message_received" || (data.channel !== "email" && data.channel !== AUTO_REPLY_CHANNEL) || !messageId) continue;
    const inboundEmailId = str(data.inboundEmailId);
    byMessage.set(messageId, {
      inboundEmailId,
      from: str(data.from),
      fromOtherAddress: data.fromOtherAddress === true,
      rejectedAttachments: rejectedAttachmentsOf(data.rejectedAttachments),
      fullText: inboundEmailId ? (fullTexts.get(inboundEmailId) ?? null) : null,
    });
  }
  return byMessage;
}

/**
 * Everything the staff request page shows, for any staff role: the requester and how they were
 * verified, what they asked for, time left and the rule it comes from, the whole timeline, every
 * message (incoming, outgoing, internal notes), files, emails and the assignee.
 */
export async function getStaffRequestView(db: Db, input: z.input<typeof requestRefSchema>, actor: CurrentStaff, now = new Date()): Promise<StaffRequestView> {
  const { requestId } = parseInput(requestRefSchema, input);
  const [request] = await db.select().from(requests).where(eq(requests.id, requestId));
  if (!request || !request.verifiedAt) throw new AppError("not_found");

  const [rule, events, messageRows, fileRows, emailRows, staffRows, duplicate, inboundRows, duplicates] = await Promise.all([
    request.deadlineRuleId ? getDeadlineRule(db, request.deadlineRuleId) : Promise.resolve(null),
    db.select().from(requestEvents).where(eq(requestEvents.requestId, request.id)).orderBy(asc(requestEvents.id)),
    db.select().from(requestMessages).where(eq(requestMessages.requestId, request.id)).orderBy(asc(requestMessages.createdAt), asc(requestMessages.id)),
    db.select().from(files).where(and(eq(files.requestId, request.id), isNull(files.deletedAt))).orderBy(...FILE_ORDER),
    db.select().from(outboxEmails).where(eq(outboxEmails.requestId, request.id)).orderBy(desc(outboxEmails.createdAt)),
    db.select({ id: staff.id, name: staff.name, email: staff.email, role: staff.role, disabledAt: staff.disabledAt }).from(staff).orderBy(asc(staff.name)),
    request.duplicateOfId
      ? db.select({ id: requests.id, reference: requests.reference }).from(requests).where(eq(requests.id, request.duplicateOfId)).then((rows) => rows[0] ?? null)
      : Promise.resolve(null),
    // Never the raw bytes: only the text, for "show the full e-mail".
    db.select({ id: inboundEmails.id, textBody: inboundEmails.textBody }).from(inboundEmails).where(eq(inboundEmails.requestId, request.id)),
    db
      .select({ id: requests.id, reference: requests.reference, status: requests.status })
      .from(requests)
      // Duplicates share the address and type (DESIGN.md), which the (email, type) index finds.
      .where(and(eq(requests.requesterEmail, request.requesterEmail), eq(requests.type, request.type), eq(requests.duplicateOfId, request.id)))
      .orderBy(asc(requests.createdAt)),
  ]);
  // Only the staff that appear on this request are needed by name; the list is small either way.
  const staffById = new Map(staffRows.map((s) => [s.id, s]));
  const staffName = (type: string, id: string | null) => (type === "staff" && id ? (staffById.get(id)?.name ?? null) : null);
  const emailById = new Map(emailRows.map((e) => [e.id, e]));
  const inboundByMessage = inboundMessagesOf(events, new Map(inboundRows.map((row) => [row.id, row.textBody])));
  const fileView = (f: StoredFile): StaffFileView => ({
    id: f.id,
    filename: f.filename,
    contentType: f.contentType,
    sizeBytes: f.sizeBytes,
    purpose: f.purpose,
    messageId: f.messageId,
    uploadedBy: f.uploadedBy,
    createdAt: f.createdAt,
    availableUntil: f.availableUntil,
  });

  const msLeft = msLeftOf(request, now);
  const workingDays = rule?.unit === "working_days" ? await loadWorkingDaysOnClock(db, [request], now) : null;
  const assignee = request.assigneeId ? staffById.get(request.assigneeId) : undefined;
  const details = request.details ?? {};

  return {
    request: {
      id: request.id,
      reference: request.reference,
      type: request.type,
      status: request.status,
      locale: request.locale,
      jurisdiction: request.jurisdiction,
      channel: request.channel,
      urgent: request.urgent,
      createdAt: request.createdAt,
      verifiedAt: request.verifiedAt,
      statusChangedAt: request.statusChangedAt,
      closedAt: request.closedAt,
      denialReason: request.denialReason,
      outcomeNote: request.outcomeNote,
    },
    requester: {
      requesterName: request.requesterName,
      requesterEmail: request.requesterEmail,
      requesterPhone: request.requesterPhone,
      onBehalf: request.onBehalf,
      representativeRelation: request.representativeRelation,
      subjectName: request.subjectName,
    },
    verification: {
      verified: request.verifiedAt !== null,
      verifiedAt: request.verifiedAt,
      consentAt: request.consentAt,
      proofOfAuthorityFiles: fileRows.filter((f) => f.purpose === "proof_of_authority").length,
    },
    duplicateOf: duplicate,
    duplicates,
    details: parseRequestDetails(request.type, details),
    comment: storedComment(details),
    deadline: {
      dueAt: request.dueAt,
      originalDueAt: request.originalDueAt,
      msLeft,
      workingDaysOnClock: workingDays?.get(request.id) ?? null,
      overdue: msLeft !== null && msLeft < 0 && isOpen(request.status),
      paused: request.pausedAt !== null,
      pausedAt: request.pausedAt,
      pausedMs: request.pausedMs,
      pausedDays: request.pausedDays,
      extendedAt: request.extendedAt,
      extensionReason: request.extensionReason,
      rule: rule
        ? {
            id: rule.id,
            jurisdiction: rule.jurisdiction,
            requestType: rule.requestType,
            amount: rule.amount,
            unit: rule.unit,
            startsAtEvent: rule.startsAtEvent,
            extensionAmount: rule.extensionAmount,
            extensionUnit: rule.extensionUnit,
            pausesWhile: rule.pausesWhile,
            source: rule.source,
            validFrom: rule.validFrom,
          }
        : null,
    },
    assignee: assignee ? { id: assignee.id, name: assignee.name, email: assignee.email, role: assignee.role } : null,
    assignableStaff: staffRows
      .filter((s) => !s.disabledAt && can(s.role, "requests.work"))
      .map((s) => ({ id: s.id, name: s.name, role: s.role })),
    timeline: readTimelineRows(
      events.map((e) => ({
        id: e.id,
        kind: e.kind,
        actorType: e.actorType,
        actorId: e.actorId,
        actorName: staffName(e.actorType, e.actorId),
        data: e.data,
        visibleToRequester: e.visibleToRequester,
        createdAt: e.createdAt,
      })),
    ),
    messages: messageRows.map((m) => {
      const email = m.outboxEmailId ? emailById.get(m.outboxEmailId) : undefined;
      return {
        id: m.id,
        direction: m.direction,
        authorType: m.authorType,
        authorName: m.authorType === "requester" ? request.requesterName : staffName(m.authorType, m.authorId),
        channel: m.channel,
        body: m.body,
        createdAt: m.createdAt,
        email: email ? { status: email.status, lastError: email.lastError, bounceDetail: email.bounceDetail } : null,
        inbound: m.direction === "inbound" && (m.channel === "email" || m.channel === AUTO_REPLY_CHANNEL) ? (inboundByMessage.get(m.id) ?? null) : null,
        files: fileRows.filter((f) => f.messageId === m.id).map(fileView),
      };
    }),
    files: fileRows.map(fileView),
    emails: emailRows.map((e) => ({
      id: e.id,
      template: e.template,
      subject: e.subject,
      status: e.status,
      attempts: e.attempts,
      lastError: e.lastError,
      createdAt: e.createdAt,
      sentAt: e.sentAt,
      bouncedAt: e.bouncedAt,
      bounceDetail: e.bounceDetail,
    })),
    allowedActions: allowedActionsFor(request, rule, actor.role),
    contested:
      request.status === "denied" &&
      request.closedAt !== null &&
      messageRows.some((m) => m.direction === "inbound" && m.channel !== AUTO_REPLY_CHANNEL && m.createdAt >= request.closedAt!),
  };
}

