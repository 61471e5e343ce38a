import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** What the test SMTP server accepted: the envelope and the parsed header block. */
export type ReceivedMail = { to: string[]; raw: string; headers: Map<string, string> };

/** Decodes RFC 2047 encoded words; adjacent ones are joined as bytes, so a split character survives. */
function decodeEncodedWords(value: string): string {
  return value.replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=\s*)+/g, (run) => {
    const bytes = [...run.matchAll(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g)].map(([, encoding, text = ""]) =>
      encoding!.toUpperCase() === "B"
        ? Buffer.from(text, "base64")
        : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1"),
    );
    return Buffer.concat(bytes).toString("utf8") + (/\s$/.test(run) ? " " : "");
  });
}

function parseHeaders(raw: string): Map<string, string> {
  const block = raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
  const headers = new Map<string, string>();
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).trim().toLowerCase(), decodeEncodedWords(line.slice(colon + 1).trim()).trim());
  }
  return headers;
}

/**
 * A real SMTP server on 127.0.0.1. `replies` scripts the answers to DATA (e.g. [451, 250]);
 * once it is empty every message is accepted.
 */
export async function startSmtpSink() {
  const received: ReceivedMail[] = [];
  const replies: number[] = [];
  let dataCommands = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        dataCommands += 1;
        const code = replies.shift() ?? 250;
        if (code !== 250) {
          callback(Object.assign(new Error(code >= 500 ? "Mailbox unavailable" : "Try again later"), { responseCode: code }));
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, headers: parseHeaders(raw) });
        // A little latency, so concurrent workers really overlap.
        setTimeout(() => callback(), 5);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    replies,
    dataCommands: () => dataCommands,
    reset() {
      received.length = 0;
      replies.length = 0;
      dataCommands = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
