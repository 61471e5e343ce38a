import type { StaffRole } from "@/db/schema";

/** A staff member whose role may not do this (compliance replying, an agent editing templates). */
export class ReplyNotAllowedError extends Error {
  constructor(
    readonly role: StaffRole,
    readonly action: string,
  ) {
    super(`a staff member with the role ${role} may not ${action}`);
    this.name = "ReplyNotAllowedError";
  }
}

export class ReplyRequestNotFoundError extends Error {
  constructor(readonly requestId: string) {
    super(`request ${requestId} not found`);
    this.name = "ReplyRequestNotFoundError";
  }
}

/** An unverified or expired request: nobody has proven the address, so nothing is sent to it. */
export class RequestNotRepliableError extends Error {
  constructor(
    readonly requestId: string,
    readonly status: string,
  ) {
    super(`request ${requestId} is ${status}: replies go only to verified requests`);
    this.name = "RequestNotRepliableError";
  }
}

export class ReplyTemplateNotFoundError extends Error {
  constructor(readonly templateId: string) {
    super(`reply template ${templateId} not found`);
    this.name = "ReplyTemplateNotFoundError";
  }
}

/** Another template already has this key in this language. */
export class ReplyTemplateExistsError extends Error {
  constructor(
    readonly key: string,
    readonly locale: string,
  ) {
    super(`a reply template ${key} in ${locale} already exists`);
    this.name = "ReplyTemplateExistsError";
  }
}

/** A message the composer had not seen when the reply was written. */
export type UnseenMessage = {
  id: string;
  direction: "inbound" | "outbound";
  authorType: string;
  /** The staff member's name for an outbound message, when known. */
  authorName: string | null;
  body: string;
  createdAt: Date;
};

/**
 * The request got a message (from the requester, or another reply from staff) after the composer
 * was loaded: sending now could answer twice or miss what the requester just said. Nothing was
 * written; `messages` are the new ones, oldest first, so the page can show them.
 */
export class StaleReplyError extends Error {
  constructor(
    readonly requestId: string,
    readonly messages: UnseenMessage[],
  ) {
    super(`request ${requestId} has ${messages.length} message(s) the reply was not written against`);
    this.name = "StaleReplyError";
  }
}
