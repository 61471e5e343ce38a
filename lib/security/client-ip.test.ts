import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, clientIp, FORWARDED_FOR_HEADER, PEER_ADDRESS_HEADER } from "./client-ip";
import { installPeerAddressRecorder } from "./record-peer-address";

describe("clientAddress with no trusted proxy (TRUSTED_PROXY_HOPS=0)", () => {
  it("ignores a forged X-Forwarded-For and takes the socket's address", () => {
    expect(clientAddress({ peer: "198.51.100.9", forwardedFor: "203.0.113.7", trustedHops: 0 })).toBe("198.51.100.9");
    expect(clientAddress({ peer: "198.51.100.9", forwardedFor: "10.9.8.7, 203.0.113.7", trustedHops: 0 })).toBe("198.51.100.9");
  });

  it("gives every rotating forged header the same address", () => {
    const seen = new Set(Array.from({ length: 20 }, (_, i) => clientAddress({ peer: "198.51.100.9", forwardedFor: `10.0.0.${i}`, trustedHops: 0 })));
    expect([...seen]).toEqual(["198.51.100.9"]);
  });

  it("unwraps an IPv4-mapped IPv6 socket address", () => {
    expect(clientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: null, trustedHops: 0 })).toBe("127.0.0.1");
  });
});

describe("clientAddress behind one trusted proxy (TRUSTED_PROXY_HOPS=1)", () => {
  it("takes the address the proxy appended, not what the client wrote before it", () => {
    // The client sent "X-Forwarded-For: 10.0.0.1"; the balancer (10.1.1.1) appended the real 203.0.113.7.
    expect(clientAddress({ peer: "10.1.1.1", forwardedFor: "10.0.0.1, 203.0.113.7", trustedHops: 1 })).toBe("203.0.113.7");
    expect(clientAddress({ peer: "10.1.1.1", forwardedFor: "random-junk, 10.0.0.1, 203.0.113.7", trustedHops: 1 })).toBe("203.0.113.7");
  });

  it("uses the chain's leftmost address when the proxy sent no header", () => {
    expect(clientAddress({ peer: "10.1.1.1", forwardedFor: "", trustedHops: 1 })).toBe("10.1.1.1");
  });

  it("strips ports and brackets some proxies add", () => {
    expect(clientAddress({ peer: "10.1.1.1", forwardedFor: "203.0.113.7:51234", trustedHops: 1 })).toBe("203.0.113.7");
    expect(clientAddress({ peer: "10.1.1.1", forwardedFor: "[2001:db8::1]:443", trustedHops: 1 })).toBe("2001:db8::1");
  });
});

describe("clientIp from request headers", () => {
  it("answers one shared 'unknown' when the peer header is missing, whatever X-Forwarded-For says", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7" }), 0)).toBe("unknown");
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.7" }), 1)).toBe("unknown");
  });

  it("reads the peer and the forwarded chain recorded by the server hook", () => {
    const headers = new Headers({ [PEER_ADDRESS_HEADER]: "10.1.1.1", [FORWARDED_FOR_HEADER]: "1.2.3.4, 203.0.113.7", "x-forwarded-for": "1.2.3.4, 203.0.113.7" });
    expect(clientIp(headers, 0)).toBe("10.1.1.1");
    expect(clientIp(headers, 1)).toBe("203.0.113.7");
  });
});

describe("the server hook that records the socket's address", () => {
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    installPeerAddressRecorder();
    server = http.createServer((request, response) => {
      response.end(JSON.stringify({ peer: request.headers[PEER_ADDRESS_HEADER], forwarded: request.headers[FORWARDED_FOR_HEADER] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("overwrites a peer header the client forged and keeps the X-Forwarded-For it sent", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "203.0.113.7" } });
    expect(await response.json()).toEqual({ peer: "127.0.0.1", forwarded: "203.0.113.7" });
  });
});
