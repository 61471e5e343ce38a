import nodemailer from "nodemailer";
import type { OutboxEmail } from "@/db/schema";
import { getEnv, redactUrl } from "@/lib/env";

/** A file as it goes out with an e-mail (lib/email/outbox-attachments.ts reads them). */
export type MailAttachment = { filename: string; contentType: string; content: Uint8Array };

/** How the worker hands an outbox row to the outside world. */
export type MailTransport = {
  /** Recorded in outbox_emails.transport. */
  name: string;
  /** Resolves when the mail is accepted; throws a DeliveryError (or anything else) when not. */
  send(email: OutboxEmail, attachments: readonly MailAttachment[]): Promise<void>;
  /** Closes pooled connections (tests, worker shutdown). */
  close?(): void;
};

export type FailureKind = "temporary" | "permanent";

/** A failed send, and whether trying again later can help. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DeliveryError";
  }
}

type SmtpErrorLike = { code?: string; responseCode?: number; response?: string; message?: string };

/**
 * 5xx replies and addresses nodemailer refuses before talking to the server will fail the same
 * way every time: permanent. 4xx replies, time-outs, refused or dropped connections may pass
 * later: temporary. A 5xx on login is our configuration, not this mail's fault, so it is retried
 * (and still ends as failed after the last attempt). Anything unknown is retried too.
 */
export function classifySmtpError(error: unknown): FailureKind {
  const { code, responseCode } = (error ?? {}) as SmtpErrorLike;
  if (code === "EAUTH") return "temporary";
  if (typeof responseCode === "number" && responseCode >= 500 && responseCode < 600) return "permanent";
  if (typeof responseCode === "number" && responseCode >= 400 && responseCode < 500) return "temporary";
  if (code === "EENVELOPE") return "permanent";
  return "temporary";
}

function describeSmtpError(error: unknown): string {
  const { code, response, message } = (error ?? {}) as SmtpErrorLike;
  return [code, response ?? message ?? String(error)].filter(Boolean).join(": ");
}

// Bounded waits, so one unresponsive server cannot hold a claimed batch past its lease
// (see deliver-due-emails.ts). A query parameter in SMTP_URL overrides any of them.
const SMTP_DEFAULTS: Record<string, string> = {
  connectionTimeout: "10000",
  greetingTimeout: "10000",
  socketTimeout: "30000",
};

/** An SMTP transport with a connection pool, configured by a URL such as smtps://user:pass@host:465. */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  for (const [key, value] of Object.entries(SMTP_DEFAULTS)) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  }
  url.searchParams.set("pool", "true");
  const transporter = nodemailer.createTransport(url.toString());
  return {
    name: "smtp",
    async send(email, attachments) {
      try {
        await transporter.sendMail({
          from: email.fromAddress,
          to: email.toAddress,
          replyTo: email.replyTo ?? undefined,
          subject: email.subject,
          text: email.textBody,
          html: email.htmlBody,
          headers: email.headers,
          messageId: email.messageId,
          attachments: attachments.map((file) => ({ filename: file.filename, contentType: file.contentType, content: Buffer.from(file.content) })),
          // Bodies are our own strings: never let nodemailer read files or URLs for them.
          disableFileAccess: true,
          disableUrlAccess: true,
        });
      } catch (error) {
        throw new DeliveryError(describeSmtpError(error), classifySmtpError(error), { cause: error });
      }
    },
    close: () => transporter.close(),
  };
}

/**
 * The development mailbox: the outbox row (and the files of its message) already hold everything
 * /dev/mailbox shows, so "delivering" is only marking it sent.
 */
export const devMailboxTransport: MailTransport = {
  name: "dev-mailbox",
  async send() {},
};

/** SMTP when SMTP_URL is set, otherwise the development mailbox. */
export function selectTransport(): MailTransport {
  const { SMTP_URL } = getEnv();
  return SMTP_URL ? createSmtpTransport(SMTP_URL) : devMailboxTransport;
}

/** For log lines: which transport, without the password. */
export function describeTransport(): string {
  const { SMTP_URL } = getEnv();
  return SMTP_URL ? `SMTP ${redactUrl(SMTP_URL)}` : "development mailbox (no SMTP_URL)";
}
