import type { DeadlineUnit, DenialReason, MatchMethod, RequestStatus } from "@/db/schema";
import type { UploadProblemCode } from "@/lib/files/upload-limits";
import type { RequestType } from "./request-types";

/**
 * Every kind of event on a request's timeline (request_events.kind; its audit action is
 * `request.<kind>`) with what its data holds. Writers (recordRequestChange), readers (the staff
 * and status pages), anonymisation and the audit page all use this one list. Type imports only:
 * db/schema builds request_events' check constraint from TIMELINE_KINDS.
 */
type StatusMove = { from: RequestStatus; to: RequestStatus };
/** A signed call to one of the operator's HTTP endpoints (lib/fulfilment/http): counts, action names and status codes only. */
type HttpCallEvent = { callId: string; source: string; purpose: "access" | "erasure" | "secure_account"; attempts: number };
type FulfilmentRunEvent = { runId: string; step: string; mapVersion: number } & Record<string, string | number | boolean | null>;

export type TimelineEventData = {
  submitted: { type: RequestType; files: number };
  verified: { reference: string; status: RequestStatus; dueAt: string | null; ruleId: string | null; urgent: boolean };
  duplicate_linked: { duplicateOf: string; duplicateOfReference: string | null };
  assigned: { from: string | null; to: string | null; toName: string | null };
  status_changed: StatusMove & { reopened?: true };
  completed: StatusMove & { messageId: string | null; files: string[]; availableUntil: string | null };
  denied: StatusMove & { reason: DenialReason; messageId: string };
  withdrawn: { from: RequestStatus };
  expired: Record<string, never>;
  message_received: {
    messageId: string;
    channel: string;
    attachments: number;
    rejectedAttachments?: readonly { name: string; code: UploadProblemCode }[];
    inboundEmailId?: string;
    matchedBy?: MatchMethod;
    from?: string | null;
    fromOtherAddress?: boolean;
    autoReply?: true;
  };
  message_sent: { messageId: string; outboxEmailId?: string; subject?: string; inReplyTo?: string | null; purpose?: "information_requested"; files?: string[] };
  note_added: { messageId: string };
  clock_paused: { ruleId: string; while: RequestStatus; dueAt: string | null };
  clock_resumed: { pausedMs: number; pausedDays: number; unit: DeadlineUnit | null; totalPausedMs: number; totalPausedDays: number; from: string | null; to: string | null };
  deadline_extended: { from: string; to: string; amount: number; unit: DeadlineUnit | null; ruleId: string; reason: string };
  legal_hold_placed: { reason: string };
  legal_hold_lifted: { reason: string | null; placedAt: string | null };
  anonymised: { messages: number; files: number; inboundEmails: number; outboxEmails: number; accessTokens: number; verificationChallenges: number; events: number };
  email_bounced: { outboxEmailId: string; inboundEmailId: string; to: string; detail: string };
  inbound_email_attached: { inboundEmailId: string; kind: string; messageId: string | null; note: string | null };
  /** rows: access answers; erased: erasure answers; actions: what securing the account did, comma-separated names the operator chose. */
  http_call_answered: HttpCallEvent & { rows?: number; erased?: number; actions?: string };
  http_call_failed: HttpCallEvent & { error: string };
  http_call_retried: HttpCallEvent;
} & { [K in `fulfilment_${FulfilmentEvent}`]: FulfilmentRunEvent };

/** What a fulfilment run records on the timeline (lib/fulfilment/runs), as `fulfilment_<event>`. */
export const FULFILMENT_EVENTS = ["started", "resumed", "failed", "collected", "delivered", "erasure_planned", "erasure_approved", "erasure_done", "correction_planned", "corrected"] as const;
export type FulfilmentEvent = (typeof FULFILMENT_EVENTS)[number];

export type TimelineKind = keyof TimelineEventData;

/** An event as written: its kind and that kind's data. */
export type TimelineEvent<K extends TimelineKind = TimelineKind> = { [P in K]: { kind: P; data: TimelineEventData[P] } }[K];

// Every kind once: `satisfies` fails when a kind is added above and not here.
const KIND_FLAGS = {
  submitted: true,
  verified: true,
  duplicate_linked: true,
  assigned: true,
  status_changed: true,
  completed: true,
  denied: true,
  withdrawn: true,
  expired: true,
  message_received: true,
  message_sent: true,
  note_added: true,
  clock_paused: true,
  clock_resumed: true,
  deadline_extended: true,
  legal_hold_placed: true,
  legal_hold_lifted: true,
  anonymised: true,
  email_bounced: true,
  inbound_email_attached: true,
  http_call_answered: true,
  http_call_failed: true,
  http_call_retried: true,
  ...(Object.fromEntries(FULFILMENT_EVENTS.map((event) => [`fulfilment_${event}`, true])) as Record<`fulfilment_${FulfilmentEvent}`, true>),
} satisfies Record<TimelineKind, true>;

// The keys are exactly TimelineKind (checked by `satisfies` above).
export const TIMELINE_KINDS = Object.keys(KIND_FLAGS) as readonly TimelineKind[];

export function isTimelineKind(value: unknown): value is TimelineKind {
  return typeof value === "string" && Object.hasOwn(KIND_FLAGS, value);
}

export function isRequesterTimelineKind(kind: TimelineKind): kind is (typeof REQUESTER_TIMELINE_KINDS)[number] {
  return (REQUESTER_TIMELINE_KINDS as readonly TimelineKind[]).includes(kind);
}

/** The kinds a requester sees on their status page (the rest are staff-only or not shown there). */
export const REQUESTER_TIMELINE_KINDS = ["submitted", "verified", "message_received", "message_sent", "status_changed", "withdrawn", "deadline_extended", "completed", "denied"] as const satisfies readonly TimelineKind[];

/**
 * Keys of an event's data that hold free text or addresses; anonymisation removes them. Everything
 * else (ids, statuses, dates, reason codes, counts) is the record of what happened and stays.
 */
export const FREE_TEXT_EVENT_KEYS: { readonly [K in TimelineKind]?: readonly (keyof TimelineEventData[K])[] } = {
  message_received: ["from", "rejectedAttachments"],
  message_sent: ["subject"],
  deadline_extended: ["reason"],
  email_bounced: ["to", "detail"],
  inbound_email_attached: ["note"],
  legal_hold_placed: ["reason"],
  legal_hold_lifted: ["reason"],
};
