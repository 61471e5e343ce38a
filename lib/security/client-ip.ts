import { getEnv } from "@/lib/env";

/**
 * The client's address for rate limits — the one place that decides it.
 *
 * Next.js keeps an X-Forwarded-For header the client sent and only fills it from the socket when
 * it is absent, so the header alone can be forged at will. The server therefore records the
 * socket's address in PEER_ADDRESS_HEADER before Next sees the request (install-client-ip.ts,
 * overwriting whatever a client sent under that name), and the client address is read from the
 * right of "X-Forwarded-For entries + socket address", skipping the configured number of
 * trusted proxies: every entry left of the ones our own proxies appended could be invented.
 */
export const PEER_ADDRESS_HEADER = "x-privacy-desk-peer";
/** The X-Forwarded-For the client (or proxy) really sent, before Next filled it in. */
export const FORWARDED_FOR_HEADER = "x-privacy-desk-forwarded-for";

/** "::ffff:203.0.113.7" → "203.0.113.7"; strips brackets and a port some proxies add. */
function normaliseAddress(value: string): string {
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(address)) address = address.slice(7);
  return address.toLowerCase();
}

/**
 * The client address from the socket's peer and the forwarded-for chain: with `trustedHops` = 0
 * the peer itself; with N, the address our N-th proxy (counted from us) saw, i.e. the N-th entry
 * from the right of the chain. A chain shorter than expected gives its leftmost address.
 */
export function clientAddress({ peer, forwardedFor, trustedHops }: { peer: string | null | undefined; forwardedFor: string | null | undefined; trustedHops: number }): string {
  const chain = [...(forwardedFor ?? "").split(","), peer ?? ""].map(normaliseAddress).filter(Boolean);
  if (chain.length === 0) return "unknown";
  return chain[Math.max(0, chain.length - 1 - trustedHops)]!;
}

/** The client's address of the current request (headers as Next.js hands them to actions and routes). */
export function clientIp(headers: Headers, trustedHops = trustedProxyHops()): string {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  // Without the peer header (the hook is not installed: a test calling code directly) nothing
  // here can be trusted; one shared "unknown" bucket keeps limits working rather than forgeable.
  if (!peer) return "unknown";
  return clientAddress({ peer, forwardedFor: headers.get(FORWARDED_FOR_HEADER), trustedHops });
}

function trustedProxyHops(): number {
  return getEnv().TRUSTED_PROXY_HOPS;
}
