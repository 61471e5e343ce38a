import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { outboxEmails, type NewOutboxEmail, type OutboxEmail } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { getOperator } from "@/lib/operator";
import { requestReplyAddress } from "@/lib/requests/reply-token";
import { renderEmail, type EmailTemplate, type EmailVariables, type RenderedEmail } from "./render-email";

export type EnqueueEmailInput<T extends EmailTemplate> = {
  requestId?: string | null;
  template: T;
  /** The requester's language: it decides the language of every email they get. */
  locale: Locale;
  to: string;
  /**
   * Automated emails say so (RFC 3834), so auto-responders do not answer them. Default: true,
   * except for a staff reply, which a person wrote and the requester may answer.
   */
  automated?: boolean;
  replyTo?: string | null;
  /**
   * Mail to the requester about their request: Reply-To is the request's own reply address
   * (support+<token>@domain), so their answer comes back onto the request. Needs requestId.
   */
  replyToRequest?: boolean;
  /** Extra headers, e.g. In-Reply-To and References of a thread. */
  headers?: Record<string, string>;
  /** When it was written (defaults to the database's clock); jobs that reason about days pass theirs. */
  createdAt?: Date;
} & (
  | { variables: EmailVariables[T]; rendered?: undefined }
  /**
   * The email already rendered by renderEmail before the transaction began: what busy paths do
   * (the public submission, "lost my link"), so their transaction holds no rendering.
   */
  | { rendered: RenderedEmail; variables?: undefined }
);

const address = z.email();
const headerName = /^[A-Za-z][A-Za-z0-9-]*$/;

function checkHeaders(headers: Record<string, string>): Record<string, string> {
  for (const [name, value] of Object.entries(headers)) {
    // A line break in a header value would let it smuggle in headers of its own.
    if (!headerName.test(name) || /[\r\n]/.test(value)) throw new Error(`invalid email header ${JSON.stringify(name)}`);
  }
  return headers;
}

/** `"Name" <address>`, quoting the display name so commas or quotes in it stay part of it. */
export function formatMailbox(name: string, email: string): string {
  return `"${name.replace(/["\\]/g, "\\$&")}" <${email}>`;
}

/** A Message-ID fixed when the row is written, so a retried send is recognisably the same mail. */
export function newMessageId(supportEmail: string): string {
  const domain = supportEmail.slice(supportEmail.lastIndexOf("@") + 1);
  return `<${randomUUID()}@${domain}>`;
}

/**
 * The outbox row of an e-mail already rendered, with its Reply-To decided: the addresses and
 * headers checked, the sender and Message-ID set. Written by enqueueEmail, or by a caller that
 * sends it in a statement of its own making (fileRequest).
 */
export function outboxEmailRow<T extends EmailTemplate>(input: EnqueueEmailInput<T>, rendered: RenderedEmail, replyTo: string | null): NewOutboxEmail {
  const to = address.parse(input.to.trim());
  const operator = getOperator(input.locale);
  const automated = input.automated ?? input.template !== "staff_reply";
  const headers = checkHeaders({
    ...(automated ? { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" } : {}),
    ...input.headers,
  });
  return {
    requestId: input.requestId ?? null,
    template: input.template,
    locale: input.locale,
    fromAddress: formatMailbox(operator.name, operator.supportEmail),
    toAddress: to,
    replyTo,
    subject: rendered.subject,
    textBody: rendered.text,
    htmlBody: rendered.html,
    headers,
    messageId: newMessageId(operator.supportEmail),
    ...(input.createdAt ? { createdAt: input.createdAt, nextAttemptAt: input.createdAt } : {}),
  };
}

/**
 * Writes an email to the outbox in the caller's transaction, so it is sent if and only if the
 * change that caused it commits. The worker delivers it later.
 */
export async function enqueueEmail<T extends EmailTemplate>(tx: Tx, input: EnqueueEmailInput<T>): Promise<OutboxEmail> {
  if (input.replyToRequest && !input.requestId) throw new Error("replyToRequest needs a requestId");
  const replyTo = input.replyToRequest
    ? await requestReplyAddress(tx, input.requestId!, getOperator(input.locale).supportEmail)
    : input.replyTo
      ? address.parse(input.replyTo.trim())
      : null;
  const rendered = input.rendered ?? (await renderEmail(input.template, input.locale, input.variables));
  const [row] = await tx
    .insert(outboxEmails)
    .values(outboxEmailRow(input, rendered, replyTo))
    .returning()
    // Prepared: see PREPARED_WRITES in db/client.ts.
    .prepare("outbox_email")
    .execute();
  return row!;
}
