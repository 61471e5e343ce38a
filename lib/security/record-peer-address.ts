import http from "node:http";
import https from "node:https";
import { FORWARDED_FOR_HEADER, PEER_ADDRESS_HEADER } from "./client-ip";

const INSTALLED = Symbol.for("privacy-desk.record-peer-address");

/** Writes the socket's address and the X-Forwarded-For as received onto the request, overwriting client-sent copies. */
export function recordPeerAddress(request: http.IncomingMessage): void {
  const received = request.headers["x-forwarded-for"];
  request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
  request.headers[FORWARDED_FOR_HEADER] = Array.isArray(received) ? received.join(",") : (received ?? "");
}

/**
 * Next.js (16) gives pages, actions and route handlers no access to the socket, and fills
 * X-Forwarded-For from it only when the client sent none. This hooks the Node HTTP servers of
 * this process (the one `next start` / `next dev` creates) so every request carries the real
 * peer address in a header of ours before Next reads it. Called once at start-up from
 * instrumentation.ts, which Next runs before it serves the first request.
 */
export function installPeerAddressRecorder(): void {
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as unknown as { emit: (event: string | symbol, ...args: unknown[]) => boolean; [INSTALLED]?: boolean };
    if (proto[INSTALLED]) continue;
    const emit = proto.emit;
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request" && args[0] instanceof http.IncomingMessage) recordPeerAddress(args[0]);
      return emit.call(this, event, ...args);
    };
    proto[INSTALLED] = true;
  }
}
