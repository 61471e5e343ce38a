import { z } from "zod";
import { DEADLINE_UNITS } from "@/db/schema/deadlines";
import { MATCH_METHODS } from "@/db/schema/inbound";
import { DENIAL_REASONS, REQUEST_STATUSES } from "@/db/schema/requests";
import { UPLOAD_PROBLEM_CODES } from "@/lib/files/upload-limits";
import { REQUEST_TYPES } from "./request-types";
import { isTimelineKind, type FulfilmentEvent, type TimelineEventData, type TimelineKind } from "./timeline-events";

/**
 * The one reader of request_events.data: each kind's stored JSON checked against that kind's
 * data (timeline-events.ts), so pages read typed fields instead of probing with `typeof`.
 *
 * Every field reads as optional: anonymisation removes the free-text ones, and rows written
 * before a field existed lack it. A field of the wrong type is dropped on its own (`catch`), so
 * one odd value never hides the rest of the event.
 */
type RunData = { runId: string; step: string; mapVersion: number };
/** What a kind's stored data can hold when read back (a fulfilment run's counts are for the audit, not read here). */
export type StoredData<K extends TimelineKind> = K extends `fulfilment_${FulfilmentEvent}` ? Partial<RunData> : Partial<TimelineEventData[K]>;

/** A stored event as read back: its kind and what is left of that kind's data. */
export type StoredTimelineEvent = { [K in TimelineKind]: { kind: K; data: StoredData<K> } }[TimelineKind];

const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const text = lenient(z.string());
const nullableText = lenient(z.string().nullable());
const count = lenient(z.number());
const status = lenient(z.enum(REQUEST_STATUSES));
const unit = lenient(z.enum(DEADLINE_UNITS).nullable());
const move = { from: status, to: status };
const run = z.object({ runId: text, step: text, mapVersion: count });
const call = { callId: text, source: text, purpose: lenient(z.enum(["access", "erasure", "secure_account"])), attempts: count };

/**
 * A kind's reader: its data checked by its schema. Every field is lenient, so any object parses;
 * a stored value that is not an object reads as an empty one.
 */
function reader<K extends TimelineKind>(kind: K, schema: z.ZodType<StoredData<K>>): (data: unknown) => { kind: K; data: StoredData<K> } {
  return (data) => ({ kind, data: schema.parse(typeof data === "object" && data !== null && !Array.isArray(data) ? data : {}) });
}

// Every kind once (the mapped type fails to compile when a kind is added without its reader).
const READERS: { [K in TimelineKind]: (data: unknown) => { kind: K; data: StoredData<K> } } = {
  submitted: reader("submitted", z.object({ type: lenient(z.enum(REQUEST_TYPES)), files: count })),
  verified: reader("verified", z.object({ reference: text, status, dueAt: nullableText, ruleId: nullableText, urgent: lenient(z.boolean()) })),
  duplicate_linked: reader("duplicate_linked", z.object({ duplicateOf: text, duplicateOfReference: nullableText })),
  assigned: reader("assigned", z.object({ from: nullableText, to: nullableText, toName: nullableText })),
  status_changed: reader("status_changed", z.object({ ...move, reopened: lenient(z.literal(true)) })),
  completed: reader("completed", z.object({ ...move, messageId: nullableText, files: lenient(z.array(z.string())), availableUntil: nullableText })),
  denied: reader("denied", z.object({ ...move, reason: lenient(z.enum(DENIAL_REASONS)), messageId: text })),
  withdrawn: reader("withdrawn", z.object({ from: status })),
  expired: reader("expired", z.object({})),
  message_received: reader(
    "message_received",
    z.object({
      messageId: text,
      channel: text,
      attachments: count,
      rejectedAttachments: lenient(z.array(z.object({ name: z.string(), code: z.enum(UPLOAD_PROBLEM_CODES) }))),
      inboundEmailId: text,
      matchedBy: lenient(z.enum(MATCH_METHODS)),
      from: nullableText,
      fromOtherAddress: lenient(z.boolean()),
      autoReply: lenient(z.literal(true)),
    }),
  ),
  message_sent: reader("message_sent", z.object({ messageId: text, outboxEmailId: text, subject: text, inReplyTo: nullableText, purpose: lenient(z.literal("information_requested")), files: lenient(z.array(z.string())) })),
  note_added: reader("note_added", z.object({ messageId: text })),
  clock_paused: reader("clock_paused", z.object({ ruleId: text, while: status, dueAt: nullableText })),
  clock_resumed: reader("clock_resumed", z.object({ pausedMs: count, pausedDays: count, unit, totalPausedMs: count, totalPausedDays: count, from: nullableText, to: nullableText })),
  deadline_extended: reader("deadline_extended", z.object({ from: text, to: text, amount: count, unit, ruleId: text, reason: text })),
  legal_hold_placed: reader("legal_hold_placed", z.object({ reason: text })),
  legal_hold_lifted: reader("legal_hold_lifted", z.object({ reason: nullableText, placedAt: nullableText })),
  anonymised: reader("anonymised", z.object({ messages: count, files: count, inboundEmails: count, outboxEmails: count, accessTokens: count, verificationChallenges: count, events: count })),
  email_bounced: reader("email_bounced", z.object({ outboxEmailId: text, inboundEmailId: text, to: text, detail: text })),
  inbound_email_attached: reader("inbound_email_attached", z.object({ inboundEmailId: text, kind: text, messageId: nullableText, note: nullableText })),
  http_call_answered: reader("http_call_answered", z.object({ ...call, rows: count, erased: count, actions: text })),
  http_call_failed: reader("http_call_failed", z.object({ ...call, error: text })),
  http_call_retried: reader("http_call_retried", z.object(call)),
  fulfilment_started: reader("fulfilment_started", run),
  fulfilment_resumed: reader("fulfilment_resumed", run),
  fulfilment_failed: reader("fulfilment_failed", run),
  fulfilment_collected: reader("fulfilment_collected", run),
  fulfilment_delivered: reader("fulfilment_delivered", run),
  fulfilment_erasure_planned: reader("fulfilment_erasure_planned", run),
  fulfilment_erasure_approved: reader("fulfilment_erasure_approved", run),
  fulfilment_erasure_done: reader("fulfilment_erasure_done", run),
  fulfilment_correction_planned: reader("fulfilment_correction_planned", run),
  fulfilment_corrected: reader("fulfilment_corrected", run),
};

/** One stored row's kind and data, typed; null for a kind that is not (or no longer) on the list. */
export function readTimelineEvent(kind: string, data: unknown): StoredTimelineEvent | null {
  return isTimelineKind(kind) ? READERS[kind](data) : null;
}

/** Timeline rows as read back: only kinds of the list, each with its typed data. */
export function readTimelineRows<R extends { kind: string; data: unknown }>(rows: R[]): (Omit<R, "kind" | "data"> & StoredTimelineEvent)[] {
  return rows.flatMap(({ kind, data, ...rest }) => {
    const event = readTimelineEvent(kind, data);
    return event ? [{ ...rest, ...event }] : [];
  });
}
